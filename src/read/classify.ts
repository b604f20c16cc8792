import { ReadError } from "./errors.js";
import { detectFormat, type InputFormat } from "./format.js";
import { isEncryptedWordStream, readOle2Directory } from "./ole2.js";
import { inspectZip } from "./zip.js";

/** Limits applied before any document is inflated. */
export interface ClassifyOptions {
  /** Refuse a zip whose entries declare more than this many bytes uncompressed in all (default 200 MB). */
  readonly maxUnzippedBytes?: number;
  /** Refuse a zip with more entries than this (a .docx has a few dozen). */
  readonly maxZipEntries?: number;
}

export const DEFAULT_MAX_UNZIPPED = 200 * 1024 * 1024;

const SIGNATURES: readonly { code: "pdf-file" | "image-file"; what: string; bytes: readonly number[] }[] = [
  { code: "pdf-file", what: "PDF", bytes: [...Buffer.from("%PDF-")] },
  { code: "image-file", what: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { code: "image-file", what: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { code: "image-file", what: "GIF", bytes: [...Buffer.from("GIF8")] },
  { code: "image-file", what: "TIFF", bytes: [0x49, 0x49, 0x2a, 0x00] },
  { code: "image-file", what: "TIFF", bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { code: "image-file", what: "BMP", bytes: [...Buffer.from("BM")] },
];

/** OLE2 streams that mark a password-protected file: an encrypted .docx/.xlsx is an OLE2 file holding these. */
const ENCRYPTED_STREAMS = ["EncryptionInfo", "EncryptedPackage"];
/** OLE2 streams of Excel and PowerPoint files. */
const OTHER_OFFICE_STREAMS = ["Workbook", "Book", "PowerPoint Document"];

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

/** What an OLE2 file holds: refuses encrypted, truncated and non-Word files before LibreOffice is started. */
function inspectOle2(bytes: Uint8Array): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = readOle2Directory(buffer);
  if (directory === null) return; // not followed here: LibreOffice decides
  if (directory.kind === "truncated") throw new ReadError("corrupt-doc");
  const { streams } = directory;
  if (ENCRYPTED_STREAMS.some((name) => streams.has(name))) throw new ReadError("password-protected");
  const word = streams.get("WordDocument");
  if (word && isEncryptedWordStream(buffer, word)) throw new ReadError("password-protected");
  if (word) return;
  const other = OTHER_OFFICE_STREAMS.find((name) => streams.has(name));
  throw other
    ? new ReadError("other-office-file", `(${other})`)
    : new ReadError("not-word-document", "(OLE2 without a WordDocument stream)");
}

/**
 * Classifies an input before any parsing: what it is, and whether it is safe to read. Returns the format
 * to read it as; throws a ReadError with a stable code for an empty file, a PDF or image, another Office
 * file, a password-protected file, a zip without a Word document, a truncated or corrupt zip or .doc, a
 * zip bomb (by the sizes its central directory declares, before inflating anything), XML declaring a
 * DOCTYPE, or a Word lock file.
 */
export async function classifyInput(bytes: Uint8Array, options: ClassifyOptions = {}): Promise<InputFormat> {
  if (bytes.length === 0) throw new ReadError("empty-file");
  const format = detectFormat(bytes);
  if (format === "docx") {
    await inspectZip(bytes, {
      maxUnzippedBytes: options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED,
      maxZipEntries: options.maxZipEntries ?? 10_000,
    });
  }
  if (format === "doc") inspectOle2(bytes);
  if (format !== null) return format;
  const known = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (known) throw new ReadError(known.code, `(${known.what})`);
  if (isLockFileContent(bytes)) throw new ReadError("lock-file");
  throw new ReadError("not-word-document");
}
