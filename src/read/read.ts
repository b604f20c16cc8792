import mammoth from "mammoth";
import type { SheetData } from "../grid/index.js";
import type { Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import type { Result } from "../result.js";
import { type ClassifyOptions, classify } from "./classify.js";
import { ReadError } from "./errors.js";
import type { InputFormat } from "./format.js";
import { type ConvertOptions, convertWithLibreOffice } from "./libreoffice.js";
import { readWorkbook } from "./spreadsheet.js";

/** Options of the read stage. */
export interface ReadOptions extends ConvertOptions, ClassifyOptions {}

/**
 * A document as read: a word-processing file converted to HTML, or a workbook's visible sheets as plain data
 * (a 申报表 kept in Excel). Either way the next stage builds the same grids from it.
 */
export type ReadDocument =
  | { readonly kind: "html"; readonly format: InputFormat; readonly html: string }
  | { readonly kind: "sheets"; readonly format: InputFormat; readonly sheets: readonly SheetData[] };

/** Images are irrelevant to the data and costly to inline as data URIs. */
const dropImages = mammoth.images.imgElement(async () => ({ src: "" }));

/** Turns mammoth's messages into our warnings; an unrecognised element may mean lost text. */
export function readerWarnings(messages: readonly { type: string; message: string }[]): Warning[] {
  return messages.map((m) => {
    if (/unrecognised element/i.test(m.message)) return warning("unrecognised-element", null, { message: m.message });
    // A style mammoth has no mapping for changes formatting only; the text is kept.
    if (/^Unrecognised (paragraph|run|table|numbering) style/i.test(m.message))
      return warning("unmapped-style", null, { message: m.message });
    return warning("reader-message", null, { type: m.type, message: m.message });
  });
}

/**
 * Reads a document, recognised by its content (classify): a .docx/.docm/.dotx with mammoth into HTML; a legacy
 * .doc/.dot, RTF, ODT or WPS file through LibreOffice first; an .xlsx workbook (or a legacy .xls/.et or ODS
 * through LibreOffice) into its sheets' cells. Macros are never run. Throws ReadError only when the bytes are
 * not a readable document.
 */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<Result<ReadDocument>> {
  const { format, macros } = await classify(bytes, options);
  const warnings: Warning[] = [];
  if (macros) warnings.push(warning("macros-ignored", null, {}));
  const native = format === "docx" || format === "xlsx";
  const converted = native
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : await convert(bytes, format, options);
  // A converted file is classified again: LibreOffice's output must pass the same checks.
  if (!native) {
    await classify(converted, options);
    warnings.push(warning("converted-by-libreoffice", null, { format }));
  }
  if (format === "xlsx" || format === "xls" || format === "ods") {
    const workbook = await readWorkbook(converted);
    for (const name of workbook.hidden) warnings.push(warning("hidden-sheet", null, { sheet: name }));
    for (const name of workbook.truncated) warnings.push(warning("sheet-truncated", null, { sheet: name }));
    return { value: { kind: "sheets", format, sheets: workbook.sheets }, warnings };
  }
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: converted },
      { convertImage: dropImages, externalFileAccess: false },
    );
  } catch (error) {
    // The zip checked out (classify), so what mammoth could not parse is the document inside it.
    throw new ReadError("corrupt-document", (error as Error).message);
  }
  return {
    value: { kind: "html", format, html: result.value },
    warnings: [...warnings, ...readerWarnings(result.messages)],
  };
}

/** LibreOffice's conversion; a WPS file it cannot read gets a code of its own (save it as .docx in WPS). */
async function convert(bytes: Uint8Array, format: Exclude<InputFormat, "docx" | "xlsx">, options: ReadOptions) {
  try {
    return await convertWithLibreOffice(bytes, format, options);
  } catch (error) {
    if (format === "wps" && error instanceof ReadError && error.code === "conversion-failed")
      throw new ReadError("wps-unreadable", error.detail);
    throw error;
  }
}
