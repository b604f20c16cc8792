import { ReadError } from "./errors.js";
import { detectFormat, type InputFormat } from "./format.js";
import { isEncryptedWordStream, readOle2Directory } from "./ole2.js";
import { inspectZip } from "./zip.js";

/** Limits applied before any document is inflated. */
export interface ClassifyOptions {
  /**
   * The file's name, a hint only where the content cannot tell: an OLE2 file of no known kind named .wps/.wpt is
   * tried as a WPS Office document. Everything else is decided by content.
   */
  readonly name?: string;
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
/** OLE2 streams of a legacy Excel workbook (BIFF8, BIFF5; WPS .et files hold the same). */
const WORKBOOK_STREAMS = ["Workbook", "Book"];
/** OLE2 streams of other Office files we do not read. */
const OTHER_OFFICE_STREAMS = ["PowerPoint Document"];
/** Names WPS Office gives its own word-processing files (a hint only; see ClassifyOptions.name). */
const WPS_NAME = /\.(?:wps|wpt)$/i;

/** What an input is: the format to read it as, and whether it carries macros (which are never run). */
export interface Classification {
  readonly format: InputFormat;
  readonly macros: boolean;
}

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
 * What an OLE2 file holds: a Word document (.doc, .dot, and WPS files saved in Word's format), a legacy workbook
 * (.xls, WPS .et), or — named .wps/.wpt — WPS Office's own format; refuses encrypted, truncated and other files
 * before LibreOffice is started.
 */
function inspectOle2(bytes: Uint8Array, name: string | undefined): InputFormat {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = readOle2Directory(buffer);
  if (directory === null) return "doc"; // not followed here: LibreOffice decides
  if (directory.kind === "truncated") throw new ReadError("corrupt-doc");
  const { streams } = directory;
  if (ENCRYPTED_STREAMS.some((s) => streams.has(s))) throw new ReadError("password-protected");
  const word = streams.get("WordDocument");
  if (word && isEncryptedWordStream(buffer, word)) throw new ReadError("password-protected");
  if (word) return "doc";
  if (WORKBOOK_STREAMS.some((s) => streams.has(s))) return "xls";
  const other = OTHER_OFFICE_STREAMS.find((s) => streams.has(s));
  if (other) throw new ReadError("other-office-file", `(${other})`);
  if (name !== undefined && WPS_NAME.test(name)) return "wps";
  throw new ReadError("not-word-document", "(OLE2 without a WordDocument stream)");
}

/**
 * Classifies an input before any parsing: what it is, and whether it is safe to read. Returns the format
 * to read it as; throws a ReadError with a stable code for an empty file, a PDF or image, another Office
 * file, a password-protected file, a zip without a Word document, a truncated or corrupt zip or .doc, a
 * zip bomb (by the sizes its central directory declares, before inflating anything), XML declaring a
 * DOCTYPE, or a Word lock file.
 */
export async function classifyInput(bytes: Uint8Array, options: ClassifyOptions = {}): Promise<InputFormat> {
  return (await classify(bytes, options)).format;
}

/** {@link classifyInput}, and whether the file carries a macro project (a .docm or .xlsm: never run). */
export async function classify(bytes: Uint8Array, options: ClassifyOptions = {}): Promise<Classification> {
  if (bytes.length === 0) throw new ReadError("empty-file");
  const family = detectFormat(bytes);
  if (family === "docx") {
    const contents = await inspectZip(bytes, {
      maxUnzippedBytes: options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED,
      maxZipEntries: options.maxZipEntries ?? 10_000,
    });
    return { format: contents.kind, macros: contents.macros };
  }
  if (family === "doc") return { format: inspectOle2(bytes, options.name), macros: false };
  if (family !== null) return { format: family, macros: false };
  const known = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (known) throw new ReadError(known.code, `(${known.what})`);
  if (isLockFileContent(bytes)) throw new ReadError("lock-file");
  throw new ReadError("not-word-document");
}
