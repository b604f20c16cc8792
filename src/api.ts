import { readFile } from "node:fs/promises";
import { defaultConfig, type LabelConfig } from "./config/index.js";
import { type Inspection, inspectTables } from "./extract/index.js";
import type { JixiaoDocument } from "./model/schema.js";
import { documentGrid, processRead } from "./pipeline.js";
import { type ReadOptions, readDocument } from "./read/index.js";
import { type Reconciliation, reconcile } from "./reconcile/index.js";
import { sha256 } from "./source.js";

/** Options of the library entry points. */
export interface ExtractOptions extends ReadOptions {
  /** Label configuration; the built-in one by default (see `parseConfig` to load a user's YAML). */
  readonly config?: LabelConfig;
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
  const read = await readDocument(bytes, { name: path, ...options });
  return processRead(
    read.value,
    { path, sha256: sha256(bytes), format: read.value.format },
    options.config ?? defaultConfig(),
    read.warnings,
  );
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
  );
  return { tables, document };
}
