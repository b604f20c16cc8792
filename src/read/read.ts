import mammoth from "mammoth";
import type { Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import type { Result } from "../result.js";
import { ReadError } from "./errors.js";
import { detectFormat, type InputFormat } from "./format.js";
import { convertDocToDocx, type ConvertOptions } from "./libreoffice.js";

/** A Word document converted to HTML. */
export interface ReadDocument {
  readonly format: InputFormat;
  readonly html: string;
}

/** Images are irrelevant to the data and costly to inline as data URIs. */
const dropImages = mammoth.images.imgElement(async () => ({ src: "" }));

/** Turns mammoth's messages into our warnings; an unrecognised element may mean lost text. */
export function readerWarnings(messages: readonly { type: string; message: string }[]): Warning[] {
  return messages.map((m) =>
    /unrecognised element/i.test(m.message)
      ? warning("unrecognised-element", null, { message: m.message })
      : warning("reader-message", null, { type: m.type, message: m.message }),
  );
}

/**
 * Reads a .docx, or a legacy .doc through LibreOffice, into HTML with mammoth.
 * Throws ReadError only when the bytes are not a readable Word document.
 */
export async function readDocument(bytes: Uint8Array, options: ConvertOptions = {}): Promise<Result<ReadDocument>> {
  if (bytes.length === 0) throw new ReadError("empty-file");
  const format = detectFormat(bytes);
  if (format === null) throw new ReadError("not-word-document");
  const docx = format === "doc" ? await convertDocToDocx(bytes, options) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let result;
  try {
    result = await mammoth.convertToHtml({ buffer: docx }, { convertImage: dropImages, externalFileAccess: false });
  } catch (error) {
    throw new ReadError("not-word-document", (error as Error).message);
  }
  const warnings = readerWarnings(result.messages);
  if (format === "doc") warnings.unshift(warning("converted-from-doc"));
  return { value: { format, html: result.value }, warnings };
}
