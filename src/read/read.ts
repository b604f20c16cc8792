import mammoth from "mammoth";
import type { Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import type { Result } from "../result.js";
import { type ClassifyOptions, classifyInput } from "./classify.js";
import { ReadError } from "./errors.js";
import type { InputFormat } from "./format.js";
import { type ConvertOptions, convertToDocx } from "./libreoffice.js";

/** Options of the read stage. */
export interface ReadOptions extends ConvertOptions, ClassifyOptions {}

/** A Word document converted to HTML. */
export interface ReadDocument {
  readonly format: InputFormat;
  readonly html: string;
  /** The .docx mammoth read: the input itself, or LibreOffice's conversion of a .doc or RTF. */
  readonly docx: Uint8Array;
}

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
 * mammoth's HTML of a .docx, with the options every reading uses (images dropped, no external file access): the
 * annotate stage reads the same way to find where each position of the grid sits in the document's XML.
 */
export function docxToHtml(docx: Uint8Array): ReturnType<typeof mammoth.convertToHtml> {
  const buffer = Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength);
  return mammoth.convertToHtml({ buffer }, { convertImage: dropImages, externalFileAccess: false });
}

/**
 * Reads a .docx, or a legacy .doc or RTF through LibreOffice, into HTML with mammoth. The input is
 * classified first (see classifyInput), so nothing unsafe or unreadable reaches mammoth.
 * Throws ReadError only when the bytes are not a readable Word document.
 */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<Result<ReadDocument>> {
  const format = await classifyInput(bytes, options);
  const docx =
    format === "docx"
      ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : await convertToDocx(bytes, format, options);
  // A converted file is classified again: LibreOffice's output must pass the same checks.
  if (format !== "docx") await classifyInput(docx, options);
  let result: Awaited<ReturnType<typeof docxToHtml>>;
  try {
    result = await docxToHtml(docx);
  } catch (error) {
    // The zip checked out (classifyInput), so what mammoth could not parse is the document inside it.
    throw new ReadError("corrupt-document", (error as Error).message);
  }
  const warnings = readerWarnings(result.messages);
  if (format !== "docx") warnings.unshift(warning("converted-by-libreoffice", null, { format }));
  return { value: { format, html: result.value, docx }, warnings };
}
