import { type AnnotateOptions, type Annotation, annotateDocx } from "./annotate/index.js";
import { defaultConfig, type LabelConfig } from "./config/index.js";
import type { JixiaoDocument } from "./model/schema.js";
import { warning } from "./model/warnings.js";
import { documentGrid, processRead } from "./pipeline.js";
import type { ReadDocument } from "./read/read.js";
import type { Result } from "./result.js";
import { sha256 } from "./source.js";

/**
 * Reading, then the pipeline, with the read stage given: Node's (api.ts: LibreOffice for legacy formats) or the
 * browser's (core.ts: .docx only). Everything here is platform-free; only the reader differs.
 */
export type Reader = (bytes: Uint8Array, path: string) => Promise<Result<ReadDocument>>;

/** What the pipeline is told besides the bytes. */
export interface PipelineSettings {
  /** Label configuration; the built-in one by default. */
  readonly config?: LabelConfig;
  /** The budget year, when known better than the document says it (`--year`); else it is read from the document. */
  readonly year?: number | null;
}

/** A document and its annotated copy (see {@link annotateWith}). */
export interface AnnotatedDocument {
  readonly document: JixiaoDocument;
  /** Null when the copy could not be made (the document then has an `annotation-failed` warning). */
  readonly annotation: Annotation | null;
}

/** Reads the bytes with `read` and runs the pipeline on them; throws ReadError when they are no readable document. */
export async function extractWith(
  read: Reader,
  bytes: Uint8Array,
  path: string,
  options: PipelineSettings = {},
): Promise<JixiaoDocument> {
  return (await readAndProcess(read, bytes, path, options)).doc;
}

async function readAndProcess(read: Reader, bytes: Uint8Array, path: string, options: PipelineSettings) {
  const result = await read(bytes, path);
  const doc = processRead(
    result.value,
    { path, sha256: sha256(bytes), format: result.value.format },
    options.config ?? defaultConfig(),
    result.warnings,
    { year: options.year ?? null },
  );
  return { read: result.value, doc };
}

/**
 * {@link extractWith}, and a copy of the document (.docx; for a .doc, of LibreOffice's conversion) with a Word
 * comment on every error and warning, anchored on the Part 1 sentence and the Part 2 cell it concerns. Comments
 * that could not be anchored in place, or a copy that could not be made (a spreadsheet has no Word file to give
 * back), are recorded as warnings of the document.
 */
export async function annotateWith(
  read: Reader,
  bytes: Uint8Array,
  path: string,
  options: PipelineSettings & Omit<AnnotateOptions, "grid"> = {},
): Promise<AnnotatedDocument> {
  const { read: document, doc } = await readAndProcess(read, bytes, path, options);
  const failed = (message: string): AnnotatedDocument => ({
    document: { ...doc, warnings: [...doc.warnings, warning("annotation-failed", null, { message })] },
    annotation: null,
  });
  if (document.kind !== "html")
    return failed("表格文件没有可批注的 Word 文档 (a spreadsheet has no Word file to annotate)");
  try {
    const grid = documentGrid(document).value;
    const annotation = await annotateDocx(document.docx, doc, { ...options, grid });
    const reasons = [...new Set(annotation.unplaced.map((u) => u.reason))].join("；");
    const notes =
      annotation.unplaced.length === 0
        ? []
        : [warning("annotation-unplaced", null, { count: annotation.unplaced.length, reason: reasons })];
    return { document: { ...doc, warnings: [...doc.warnings, ...notes] }, annotation };
  } catch (error) {
    return failed((error as Error).message);
  }
}
