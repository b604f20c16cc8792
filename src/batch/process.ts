import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { extractBuffer } from "../api.js";
import { writeFileAtomic } from "./write.js";
import type { LabelConfig } from "../config/index.js";
import type { JixiaoDocument } from "../model/schema.js";
import { sha256 } from "../pipeline.js";
import { ReadError } from "../read/index.js";
import { extensions, type Format, renderers } from "../render/index.js";
import type { DocumentSummary } from "./types.js";

/** One input to process, as sent to a worker (plain, cloneable data). */
export interface DocumentTask {
  /** Where to read the input. */
  readonly path: string;
  /** The document's name and output location relative to the output folder (see InputFile.outputStem). */
  readonly source: string;
  readonly outDir: string;
  readonly formats: readonly Format[];
  readonly config: LabelConfig;
}

/** The counts a summary keeps of a processed document. */
export function summarise(doc: JixiaoDocument, source: string, outputs: DocumentSummary["outputs"]): DocumentSummary {
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of doc.findings) findings[f.severity]++;
  return {
    source,
    sha256: doc.source.sha256,
    status: "ok",
    error: null,
    department: doc.department ? `${doc.department.code ?? ""}${doc.department.name}` : null,
    projects: doc.projects.length,
    indicators: doc.projects.reduce((n, p) => n + p.indicators.length, 0),
    findings,
    warnings: doc.warnings.length,
    outputs,
  };
}

/** A summary for an input that produced no document. */
export function failedSummary(source: string, digest: string, status: "failed" | "timeout", code: string, message: string): DocumentSummary {
  return { source, sha256: digest, status, error: { code, message }, department: null, projects: 0, indicators: 0, findings: { error: 0, warning: 0, info: 0 }, warnings: 0, outputs: null };
}

/** The per-document output paths of a source, relative to the output folder. */
export function outputPaths(source: string): NonNullable<DocumentSummary["outputs"]> {
  return { json: source + extensions.json, markdown: source + extensions.markdown, html: source + extensions.html };
}

/**
 * Processes one input end to end: reads it, runs the pipeline, writes the chosen formats atomically and
 * returns its summary. Never throws for a bad input: a ReadError, or any other failure inside the
 * pipeline, becomes a failed summary with a code and a message, so one file cannot stop a batch.
 */
export async function processDocument(task: DocumentTask): Promise<DocumentSummary> {
  let bytes: Buffer;
  try {
    bytes = await readFile(task.path);
  } catch (error) {
    return failedSummary(task.source, "", "failed", "unreadable", `无法读取文件 (cannot read the file): ${(error as Error).message}`);
  }
  const digest = sha256(bytes);
  try {
    const doc = await extractBuffer(bytes, task.source, { config: task.config });
    const paths = outputPaths(task.source);
    const pathOf = { json: paths.json, markdown: paths.markdown, html: paths.html } satisfies Record<Format, string>;
    for (const format of task.formats) await writeFileAtomic(join(task.outDir, pathOf[format]), renderers[format](doc));
    return summarise(doc, task.source, task.formats.includes("json") ? paths : null);
  } catch (error) {
    if (error instanceof ReadError) return failedSummary(task.source, digest, "failed", error.code, error.message);
    return failedSummary(task.source, digest, "failed", "internal-error", `处理时出错 (internal error): ${(error as Error).message}`);
  }
}
