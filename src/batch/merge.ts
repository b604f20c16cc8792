import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { annotatedPath } from "./document-files.js";
import { MANIFEST, type Manifest, type ManifestEntry, readManifest, saveManifest, summaryOf } from "./manifest.js";
import { writeBatchOutputs } from "./outputs.js";
import { loadDocumentJson } from "./run.js";
import { compareSource, type DocumentSummary } from "./types.js";

/** Raised when the folders to merge cannot be merged (no manifest, or another version of the tool). */
export class MergeError extends Error {
  override readonly name = "MergeError";
}

/**
 * Merges the output folders of several shards into one: every document's outputs are copied over, the
 * manifests are joined, and the batch outputs are rebuilt from all of them, in the same order an
 * unsharded run gives.
 */
export async function mergeOutputs(
  dirs: readonly string[],
  outDir: string,
  version: string,
): Promise<DocumentSummary[]> {
  const merged: Manifest = { tool: "jixiao", version, schemaVersion: "", entries: {} };
  const settings = new Set<string | undefined>();
  for (const dir of dirs) {
    const manifest = await readManifest(dir, version);
    if (!manifest)
      throw new MergeError(
        `${join(dir, MANIFEST)}：没有可合并的 jixiao ${version} 运行结果 (no finished run of jixiao ${version} to merge)`,
      );
    merged.schemaVersion = manifest.schemaVersion;
    settings.add(manifest.settings);
    for (const [source, entry] of Object.entries(manifest.entries)) {
      await copyOutputs(dir, outDir, entry);
      merged.entries[source] = entry;
    }
  }
  // Shards run with the same settings keep them; with different ones, a rerun on the merge redoes everything.
  if (settings.size === 1) merged.settings = [...settings][0];
  await mkdir(outDir, { recursive: true });
  await saveManifest(outDir, merged);
  const summaries = Object.values(merged.entries).map(summaryOf).sort(compareSource);
  await writeBatchOutputs(outDir, summaries, (s) => loadDocumentJson(outDir, s));
  return summaries;
}

async function copyOutputs(from: string, to: string, entry: ManifestEntry): Promise<void> {
  if (entry.outputs === null || resolve(from) === resolve(to)) return;
  for (const path of [entry.outputs.json, entry.outputs.markdown, entry.outputs.html]) {
    await mkdir(dirname(join(to, path)), { recursive: true });
    await copyFile(join(from, path), join(to, path));
  }
  // The annotated copy, where the shard was run with --annotate.
  const annotated = annotatedPath(entry.source);
  await copyFile(join(from, annotated), join(to, annotated)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}
