import { fileURLToPath } from "node:url";
import { runCachedBundle } from "./code-cache.js";
import type { DocumentTask } from "./document-files.js";
import type run from "./worker.js";

/**
 * The built worker's entry (dist/bin/worker.js, which piscina starts): runs the worker's bundle (worker.cjs)
 * with its V8 code cache (src/batch/code-cache.ts). `JIXIAO_WRITE_WORKER_CODE_CACHE=1`: the build's
 * training run writes the cache from the code compiled by the end of the worker's first document.
 */
const worker = runCachedBundle<{ default: typeof run }>(fileURLToPath(new URL("./worker.cjs", import.meta.url)));
let train = process.env.JIXIAO_WRITE_WORKER_CODE_CACHE === "1";

export default async function runTask(task: DocumentTask): ReturnType<typeof run> {
  const summary = await worker.exports.default(task);
  if (train) {
    worker.writeCache();
    train = false;
  }
  return summary;
}
