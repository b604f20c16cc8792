#!/usr/bin/env node
import { fileURLToPath } from "node:url";
import { start } from "./start.js";

// The CLI from source (tsx, tests). The installed bin is src/cli/bin.ts, which runs the same `start` from a
// bundle with V8's code cache (scripts/build.mjs).
await start(fileURLToPath(import.meta.url), process.argv.slice(2));
