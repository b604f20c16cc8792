/**
 * A batch document's task and output files: what the main thread and the workers share. Kept apart from the
 * pipeline so that the main thread, which only hands documents to workers, does not load it.
 */
import { join } from "node:path";
import type { LabelConfig } from "../config/index.js";
import type { JixiaoDocument } from "../model/schema.js";
import { tallySeverities } from "../model/severity.js";
import { extensions, type Format, renderers } from "../render/index.js";
import { documentCheck } from "../render/report.js";
import type { DocumentStatus, DocumentSummary } from "./types.js";
import { writeFileAtomic } from "./write.js";

/** One input to process, as sent to a worker (plain, cloneable data). */
export interface DocumentTask {
  /** Where to read the input. */
  readonly path: string;
  /** The document's name and output location relative to the output folder (see InputFile.outputStem). */
  readonly source: string;
  /** The input's sha256, computed when the batch was planned (kept in error records written for it). */
  readonly sha256: string;
  readonly outDir: string;
  readonly formats: readonly Format[];
  readonly config: LabelConfig;
  /** Refuse a .docx declaring more than this many bytes uncompressed (zip bombs). */
  readonly maxUnzippedBytes: number;
  /**
   * LibreOffice's time limit: inside the document's own, so a hung conversion is killed by the worker
   * (which can) before the pool stops the worker (which leaves its child processes behind).
   */
  readonly conversionTimeoutMs: number;
  /** The budget year set by the user (`--year`), or null to read it from each document. */
  readonly year: number | null;
  /** Also write `<name>.批注.docx`, the input with a Word comment on every error and warning. */
  readonly annotate: boolean;
  /** The comments' date (ISO 8601), the same for every document of a run. */
  readonly annotateDate: string | null;
}

/** The error code of a run that did not finish in time: its status is `timeout` rather than `failed`. */
export const TIMEOUT = "timeout";

/** What a batch keeps of a processed document (or of its error record). */
export function summarise(doc: JixiaoDocument, source: string, outputs: DocumentSummary["outputs"]): DocumentSummary {
  const findings = tallySeverities(doc.findings);
  const status: DocumentStatus = doc.error === null ? "ok" : doc.error.code === TIMEOUT ? "timeout" : "failed";
  return {
    source,
    sha256: doc.source.sha256,
    status,
    error: doc.error,
    department: doc.department ? `${doc.department.code ?? ""}${doc.department.name}` : null,
    projects: doc.projects.length,
    indicators: doc.projects.reduce((n, p) => n + p.indicators.length, 0),
    findings,
    warnings: doc.warnings.length,
    unchecked: doc.error === null ? [...documentCheck(doc).reasons] : [],
    completeness: doc.completeness.status,
    completenessReasons: doc.completeness.reasons.map((r) => r.message),
    outputs,
  };
}

/** The per-document output paths of a source, relative to the output folder. */
export function outputPaths(source: string): NonNullable<DocumentSummary["outputs"]> {
  return { json: source + extensions.json, markdown: source + extensions.markdown, html: source + extensions.html };
}

/**
 * The annotated copy of a source, relative to the output folder: `dir/name.docx` → `dir/name.批注.docx`; any other
 * input keeps its extension in the name (`name.doc` → `name.doc.批注.docx`), so that `name.doc` and `name.docx` side
 * by side never write the same copy.
 */
export function annotatedPath(source: string): string {
  return `${/\.docx$/iu.test(source) ? source.slice(0, -".docx".length) : source}.批注.docx`;
}

/** Writes a document (or its error record) in the task's formats, atomically, and summarises it. */
export async function writeDocument(
  doc: JixiaoDocument,
  task: Pick<DocumentTask, "source" | "outDir" | "formats">,
): Promise<DocumentSummary> {
  const paths = outputPaths(task.source);
  const pathOf = { json: paths.json, markdown: paths.markdown, html: paths.html } satisfies Record<Format, string>;
  for (const format of task.formats) await writeFileAtomic(join(task.outDir, pathOf[format]), renderers[format](doc));
  return summarise(doc, task.source, task.formats.includes("json") ? paths : null);
}
