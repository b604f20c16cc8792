import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { BATCH_FILES } from "./index-page.js";
import type { BatchOutputsRecord, FileStamp } from "./manifest.js";
import type { DocumentSummary } from "./types.js";

/** How many files are looked at (stat, read) at once. */
export const FILE_CONCURRENCY = 16;

/** `fn` over `items` with at most `limit` calls in flight; results in the order of `items`. */
export async function mapLimit<T, U>(items: readonly T[], limit: number, fn: (item: T) => Promise<U>): Promise<U[]> {
  const results = new Array<U>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function stamp(path: string): Promise<FileStamp | null> {
  const info = await stat(path).catch(() => null);
  return info ? { size: info.size, mtimeMs: info.mtimeMs } : null;
}

/**
 * The fingerprint of what the batch outputs are built from: the summaries (in output order) and the size and
 * modification time of every per-document JSON they load, so a JSON edited or replaced since counts as a change;
 * `settings` is any configuration the outputs depend on (the trend rules').
 */
export async function batchOutputsKey(
  outDir: string,
  summaries: readonly DocumentSummary[],
  settings = "",
): Promise<string> {
  const stamps = await mapLimit(summaries, FILE_CONCURRENCY, (s) =>
    s.outputs === null ? Promise.resolve(null) : stamp(join(outDir, s.outputs.json)),
  );
  return createHash("sha256")
    .update(JSON.stringify(settings === "" ? [summaries, stamps] : [summaries, stamps, settings]))
    .digest("hex");
}

/** Each batch file as it is now (null when missing). */
export async function stampBatchFiles(outDir: string): Promise<Record<string, FileStamp | null>> {
  const names = Object.values(BATCH_FILES);
  const stamps = await Promise.all(names.map((name) => stamp(join(outDir, name))));
  return Object.fromEntries(names.map((name, i) => [name, stamps[i] ?? null]));
}

/** Whether the batch outputs recorded in `record` are still there as written and were built from `key`. */
export async function batchOutputsFresh(
  outDir: string,
  record: BatchOutputsRecord | undefined,
  key: string,
): Promise<boolean> {
  if (record === undefined || record.key !== key) return false;
  const now = await stampBatchFiles(outDir);
  return Object.values(BATCH_FILES).every((name) => {
    const was = record.files[name];
    const is = now[name];
    return was !== undefined && is != null && was.size === is.size && was.mtimeMs === is.mtimeMs;
  });
}

/** The record of batch outputs just written from `key`. */
export async function recordBatchOutputs(outDir: string, key: string): Promise<BatchOutputsRecord> {
  const files: Record<string, FileStamp> = {};
  for (const [name, s] of Object.entries(await stampBatchFiles(outDir))) if (s !== null) files[name] = s;
  return { key, files };
}
