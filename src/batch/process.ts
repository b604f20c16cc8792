import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { annotateBuffer, extractBuffer } from "../api.js";
import type { JixiaoDocument } from "../model/schema.js";
import { classifyInput, detectFormat, ReadError } from "../read/index.js";
import { errorDocument, sha256 } from "../source.js";
import { annotatedPath, type DocumentTask, writeDocument } from "./document-files.js";
import { killProcessGroup } from "./process-group.js";
import type { DocumentSummary } from "./types.js";
import { writeFileAtomic } from "./write.js";

/**
 * Processes one input end to end: reads it, runs the pipeline and writes the chosen formats. Never throws
 * for a bad input: a ReadError, or any other failure inside the pipeline, becomes the document's error
 * record (written like any result), so one file cannot stop a batch and no input goes unaccounted for.
 */
export async function processDocument(task: DocumentTask): Promise<DocumentSummary> {
  let bytes: Buffer;
  try {
    bytes = await readFile(task.path);
  } catch (error) {
    const doc = errorDocument(
      { path: task.source, sha256: task.sha256, format: null },
      "unreadable",
      `无法读取文件 (cannot read the file): ${(error as Error).message}`,
    );
    return writeDocument(doc, task);
  }
  const source = { path: task.source, sha256: sha256(bytes), format: detectFormat(bytes) };
  let doc: JixiaoDocument;
  try {
    const options = {
      config: task.config,
      maxUnzippedBytes: task.maxUnzippedBytes,
      timeoutMs: task.conversionTimeoutMs,
      stop: killProcessGroup,
      year: task.year,
    };
    if (task.annotate) {
      const { document, annotation } = await annotateBuffer(bytes, task.source, {
        ...options,
        date: task.annotateDate,
      });
      if (annotation) await writeFileAtomic(join(task.outDir, annotatedPath(task.source)), annotation.docx);
      doc = document;
    } else {
      doc = await extractBuffer(bytes, task.source, options);
    }
  } catch (error) {
    // The error record names what the input is (xlsx, odt, wps …) where its content tells; the container otherwise.
    const format = await classifyInput(bytes, { name: task.source, maxUnzippedBytes: task.maxUnzippedBytes }).catch(
      () => source.format,
    );
    const failed = { ...source, format };
    doc =
      error instanceof ReadError
        ? errorDocument(failed, error.code, error.message)
        : errorDocument(failed, "internal-error", `处理时出错 (internal error): ${(error as Error).message}`);
  }
  return writeDocument(doc, task);
}
