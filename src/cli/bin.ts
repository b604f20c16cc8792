#!/usr/bin/env node
import { fileURLToPath } from "node:url";
import { runCachedBundle } from "../batch/code-cache.js";
import type { start } from "./start.js";

/**
 * The installed `jixiao` bin: runs the CLI's bundle (cli.cjs) with its V8 code cache (src/batch/code-cache.ts).
 * `JIXIAO_WRITE_CODE_CACHE=1`: the build's training run writes the cache from the code compiled by the time the
 * process exits (what one document's audit used).
 */
const cli = runCachedBundle<{ start: typeof start }>(fileURLToPath(new URL("./cli.cjs", import.meta.url)));
if (process.env.JIXIAO_WRITE_CODE_CACHE === "1") process.once("exit", cli.writeCache);
await cli.exports.start(fileURLToPath(import.meta.url), process.argv.slice(2));
