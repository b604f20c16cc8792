import { ReadError } from "./errors.js";

/** The bytes of an ASCII signature (no Buffer: this module is shared with the web page). */
export function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

const SIGNATURES: readonly { code: "pdf-file" | "image-file"; what: string; bytes: readonly number[] }[] = [
  { code: "pdf-file", what: "PDF", bytes: ascii("%PDF-") },
  { code: "image-file", what: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { code: "image-file", what: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { code: "image-file", what: "GIF", bytes: ascii("GIF8") },
  { code: "image-file", what: "TIFF", bytes: [0x49, 0x49, 0x2a, 0x00] },
  { code: "image-file", what: "TIFF", bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { code: "image-file", what: "BMP", bytes: ascii("BM") },
];

/**
 * Word's owner lock file: 162 bytes; the first byte is the length (1–52) of the user name that follows,
 * and at byte 54 the same name's length as a 16-bit number before its UTF-16 copy. Never a zip or OLE2
 * file. (Checking both lengths keeps a 162-byte text file that starts with a digit from looking like one.)
 */
function isLockFileContent(bytes: Uint8Array): boolean {
  if (bytes.length !== 162) return false;
  const length16 = bytes[54]! | (bytes[55]! << 8);
  return bytes[0]! >= 1 && bytes[0]! <= 52 && length16 >= 1 && length16 <= 52;
}

/**
 * Says why bytes that are no container we read (no zip, OLE2 or RTF) are not a document: a PDF, an image, a Word
 * lock file, or none of these.
 */
export function refuseNonDocument(bytes: Uint8Array): never {
  const known = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (known) throw new ReadError(known.code, `(${known.what})`);
  if (isLockFileContent(bytes)) throw new ReadError("lock-file");
  throw new ReadError("not-word-document");
}
