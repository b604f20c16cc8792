import { readFile } from "node:fs/promises";
import type { AnnotateOptions } from "./annotate/index.js";
import { defaultConfig, type LabelConfig } from "./config/index.js";
import { type Inspection, inspectTables } from "./extract/index.js";
import type { JixiaoDocument } from "./model/schema.js";
import { documentGrid, processRead } from "./pipeline.js";
import { type ReadOptions, readDocument } from "./read/index.js";
import { type Reconciliation, reconcile } from "./reconcile/index.js";
import { sha256 } from "./source.js";
import { type AnnotatedDocument, annotateWith, extractWith, type Reader } from "./with-reader.js";

export type { AnnotatedDocument };

/** Options of the library entry points. */
export interface ExtractOptions extends ReadOptions {
  /** Label configuration; the built-in one by default (see `parseConfig` to load a user's YAML). */
  readonly config?: LabelConfig;
  /** The budget year, when known better than the document says it (`--year`); else it is read from the document. */
  readonly year?: number | null;
}

/** Node's read stage as a {@link Reader}: the file's name is the format hint for WPS files. */
function nodeReader(options: ReadOptions): Reader {
  return (bytes, path) => readDocument(bytes, { name: path, ...options });
}

/**
 * Reads a Word document from bytes and returns its data, narrative and findings. `path` is only
 * recorded in `source.path`. Throws ReadError when the bytes are not a readable Word document.
 */
export async function extractBuffer(
  bytes: Uint8Array,
  path: string,
  options: ExtractOptions = {},
): Promise<JixiaoDocument> {
  return extractWith(nodeReader(options), bytes, path, options);
}

/** Reads a Word document (.docx, or .doc through LibreOffice) from disk; see {@link extractBuffer}. */
export async function extractFile(path: string, options: ExtractOptions = {}): Promise<JixiaoDocument> {
  return extractBuffer(await readFile(path), path, options);
}

/**
 * Re-runs the audit on a document's data (for example after correcting a value by hand): links its
 * narrative and table projects again and returns the links and findings.
 */
export function audit(
  doc: Pick<JixiaoDocument, "narrative" | "projects">,
  options: Pick<ExtractOptions, "config"> = {},
): Reconciliation {
  return reconcile(doc.narrative, doc.projects, options.config ?? defaultConfig());
}

/**
 * Reads a document and reports how: each table's role, which labels and columns matched which fields,
 * and what was left unmapped, beside the extracted document, so aliases for a new template can be written.
 */
export async function inspectBuffer(
  bytes: Uint8Array,
  path: string,
  options: ExtractOptions = {},
): Promise<Inspection> {
  const config = options.config ?? defaultConfig();
  const read = await readDocument(bytes, { name: path, ...options });
  const tables = inspectTables(documentGrid(read.value).value, config);
  const document = processRead(
    read.value,
    { path, sha256: sha256(bytes), format: read.value.format },
    config,
    read.warnings,
    { year: options.year ?? null },
  );
  return { tables, document };
}

/**
 * Reads a Word document like {@link extractBuffer} and also returns a copy of it (.docx; for a .doc, of LibreOffice's
 * conversion) with a Word comment on every error and warning, anchored on the Part 1 sentence and the Part 2 cell
 * it concerns. Comments that could not be anchored in place, or a copy that could not be made (a spreadsheet has
 * no Word file to give back), are recorded as warnings of the document.
 */
export async function annotateBuffer(
  bytes: Uint8Array,
  path: string,
  options: ExtractOptions & Omit<AnnotateOptions, "grid"> = {},
): Promise<AnnotatedDocument> {
  return annotateWith(nodeReader(options), bytes, path, options);
}
