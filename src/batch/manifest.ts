import { createHash } from "node:crypto";
import { appendFile, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { LabelConfig } from "../config/index.js";
import { SCHEMA_VERSION } from "../model/schema.js";
import { type DocumentSummary, DocumentSummarySchema } from "./types.js";
import { writeFileAtomic } from "./write.js";

export const MANIFEST = "manifest.json";
const JOURNAL = "manifest.journal.ndjson";

/** A file as `stat` saw it: enough to tell that it was not replaced or edited since. */
export const FileStampSchema = z.object({ size: z.number(), mtimeMs: z.number() });
export type FileStamp = z.infer<typeof FileStampSchema>;

/**
 * What the batch outputs (index.html, batch.xlsx, …) were last built from: a fingerprint of the summaries and
 * of every per-document JSON they read, and each batch file as written. A rerun that finds the same
 * fingerprint and the same files leaves them as they are, since rebuilding would give the same content.
 */
export const BatchOutputsRecordSchema = z.object({
  key: z.string(),
  files: z.record(z.string(), FileStampSchema),
});
export type BatchOutputsRecord = z.infer<typeof BatchOutputsRecordSchema>;

/** out/manifest.json: what each input was when it was processed, and by which version of the tool. */
export const ManifestSchema = z.object({
  tool: z.literal("jixiao"),
  version: z.string(),
  schemaVersion: z.string(),
  /**
   * A fingerprint of what shapes a document's outputs besides its bytes (configuration, rule set, --year): entries
   * made with other settings are redone. Absent in a merge of shards run with different settings.
   */
  settings: z.string().optional(),
  /** Keyed by the document's source name (its output location). */
  entries: z.record(
    z.string(),
    DocumentSummarySchema.extend({ path: z.string().describe("The input's path when processed (absolute).") }),
  ),
  /** Absent until a run has written the batch outputs (and after an interrupted run). */
  batchOutputs: BatchOutputsRecordSchema.optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestEntry = Manifest["entries"][string];

/** One line of the journal: an entry, with the settings it was made with. */
const JournalLineSchema = ManifestSchema.shape.entries.valueType.extend({ settings: z.string() });

/** An empty manifest for this version of the tool and these settings. */
export function emptyManifest(version: string, settings: string): Manifest {
  return { tool: "jixiao", version, schemaVersion: SCHEMA_VERSION, settings, entries: {} };
}

/** The fingerprint of the settings a batch processes its documents with (see `Manifest.settings`). */
export function settingsKey(config: LabelConfig, year: number | null): string {
  return createHash("sha256").update(JSON.stringify({ config, year })).digest("hex");
}

/**
 * Loads the manifest of an output folder, replaying the journal an interrupted run left behind (a torn
 * last line is ignored). A manifest written by another version of the tool, or with other settings (another
 * configuration, rule set or --year), counts as empty: its results may differ from what this run would produce.
 * Likewise journal lines made with other settings are passed over.
 */
export async function loadManifest(outDir: string, version: string, settings: string): Promise<Manifest> {
  const found = await readManifest(outDir, version);
  const manifest = found && found.settings === settings ? found : emptyManifest(version, settings);
  const journal = await readFile(join(outDir, JOURNAL), "utf8").catch(() => "");
  for (const line of journal.split("\n")) {
    const parsed = JournalLineSchema.safeParse(safeJson(line));
    if (!parsed.success || parsed.data.settings !== settings) continue;
    const { settings: _settings, ...entry } = parsed.data;
    manifest.entries[entry.source] = entry;
  }
  return manifest;
}

/** The manifest of an output folder as written; null when there is none, it is damaged, or another version wrote it. */
export async function readManifest(outDir: string, version: string): Promise<Manifest | null> {
  const text = await readFile(join(outDir, MANIFEST), "utf8").catch(() => null);
  const parsed = text === null ? null : ManifestSchema.safeParse(safeJson(text));
  return parsed?.success && parsed.data.version === version ? parsed.data : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Records a finished document at once (one appended line), so an interrupted run loses nothing finished. */
export async function journal(outDir: string, entry: ManifestEntry, settings: string): Promise<void> {
  await appendFile(join(outDir, JOURNAL), `${JSON.stringify({ ...entry, settings })}\n`);
}

/** Writes the manifest atomically, entries in a stable order, and retires the journal. */
export async function saveManifest(outDir: string, manifest: Manifest): Promise<void> {
  const entries = Object.fromEntries(Object.entries(manifest.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFileAtomic(join(outDir, MANIFEST), `${JSON.stringify({ ...manifest, entries }, null, 2)}\n`);
  await rm(join(outDir, JOURNAL), { force: true });
}

/** The summary part of a manifest entry (what the batch outputs are built from). */
export function summaryOf(entry: ManifestEntry): DocumentSummary {
  const { path: _path, ...summary } = entry;
  return summary;
}
