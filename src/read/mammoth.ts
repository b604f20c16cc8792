import mammoth from "mammoth";
import type { Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import type { Result } from "../result.js";
import { ReadError } from "./errors.js";
import type { InputFormat } from "./format.js";
import type { ReadDocument } from "./read.js";

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
 * annotate stage reads the same way to find where each position of the grid sits in the document's XML. The bytes
 * go in under both of mammoth's input names: `buffer` is what its Node build reads, `arrayBuffer` its browser
 * build (both hand them to JSZip, which takes a Uint8Array).
 */
export function docxToHtml(docx: Uint8Array): ReturnType<typeof mammoth.convertToHtml> {
  const input = { buffer: docx, arrayBuffer: docx } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  return mammoth.convertToHtml(input, { convertImage: dropImages, externalFileAccess: false });
}

/**
 * The read stage's last step for a word-processing document, in Node and in the web page alike: mammoth's HTML of
 * the .docx (the input, or LibreOffice's conversion of it), with mammoth's messages after the warnings so far.
 */
export async function readDocx(
  docx: Uint8Array,
  format: InputFormat,
  warnings: readonly Warning[],
): Promise<Result<ReadDocument>> {
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await docxToHtml(docx);
  } catch (error) {
    // The zip checked out (classify), so what mammoth could not parse is the document inside it.
    throw new ReadError("corrupt-document", (error as Error).message);
  }
  return {
    value: { kind: "html", format, html: result.value, docx },
    warnings: [...warnings, ...readerWarnings(result.messages)],
  };
}
