import yauzl from "yauzl";
import { ReadError } from "./errors.js";
import { detectFormat, type InputFormat } from "./format.js";

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

/** The OLE2 stream that holds the key of a password-protected Office file, as its UTF-16 directory name. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

/**
 * Word's owner lock file: 162 bytes, the first a length (≤ 54) of the user name that follows, padded
 * with zeros or spaces; never a zip or OLE2 file.
 */
function isLockFileContent(bytes: Uint8Array): boolean {
  return bytes.length === 162 && bytes[0]! > 0 && bytes[0]! <= 54;
}

async function inspectZip(bytes: Uint8Array, options: ClassifyOptions): Promise<void> {
  const maxBytes = options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED;
  const maxEntries = options.maxZipEntries ?? 10_000;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true });
  } catch (error) {
    throw new ReadError("corrupt-zip", (error as Error).message);
  }
  let total = 0;
  let entries = 0;
  const names = new Set<string>();
  try {
    // Only the central directory is read here: sizes are the declared ones, nothing is inflated.
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (++entries > maxEntries || total > maxBytes) {
        throw new ReadError("zip-bomb", `(> ${Math.round(maxBytes / 1024 / 1024)} MB / ${maxEntries} entries)`);
      }
      names.add(entry.fileName);
    }
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError("corrupt-zip", (error as Error).message);
  } finally {
    zip.close();
  }
  if (!names.has("word/document.xml")) {
    const other = [...names].some((n) => n.startsWith("xl/") || n.startsWith("ppt/"));
    throw new ReadError(other ? "other-office-file" : "zip-without-document");
  }
}

/**
 * Classifies an input before any parsing: what it is, and whether it is safe to read. Returns the format
 * to read it as; throws a ReadError with a stable code for an empty file, a PDF or image, another Office
 * file, a password-protected file, a zip without a Word document, a truncated or corrupt zip, a zip bomb
 * (by the sizes its central directory declares, before inflating anything) or a Word lock file.
 */
export async function classifyInput(bytes: Uint8Array, options: ClassifyOptions = {}): Promise<InputFormat> {
  if (bytes.length === 0) throw new ReadError("empty-file");
  const format = detectFormat(bytes);
  if (format === "docx") await inspectZip(bytes, options);
  if (format === "doc" && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO)) {
    throw new ReadError("password-protected");
  }
  if (format !== null) return format;
  const known = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (known) throw new ReadError(known.code, `(${known.what})`);
  if (isLockFileContent(bytes)) throw new ReadError("lock-file");
  throw new ReadError("not-word-document");
}
