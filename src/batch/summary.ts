/**
 * What a batch keeps of a document, and the names of its outputs: plain functions of the document, shared by the
 * batch (document-files.ts) and the web page, which has no files to write.
 */
import type { JixiaoDocument } from "../model/schema.js";
import { tallySeverities } from "../model/severity.js";
import { extensions } from "../render/index.js";
import { documentCheck } from "../render/report.js";
import type { DocumentStatus, DocumentSummary } from "./types.js";

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
