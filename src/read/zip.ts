import { crc32, inflateRawSync } from "node:zlib";
import yauzl from "yauzl";
import { ReadError } from "./errors.js";

/** Limits applied to a .docx before mammoth sees it. */
export interface ZipLimits {
  readonly maxUnzippedBytes: number;
  readonly maxZipEntries: number;
}

/**
 * The parts mammoth may parse (the content types, the package relationships and the XML under word/): their
 * bytes are checked in full. The others (images, fonts, docProps, customXml) are never read, so they are only
 * located: a damaged thumbnail does not cost the document.
 */
const READ_PART =
  /^(?:\[Content_Types\]\.xml|(?:word|xl|_rels)\/.*\.(?:xml|rels)|(?:content|styles|meta|settings)\.xml|META-INF\/manifest\.xml|mimetype)$/i;

/** What a zip holds, by its parts: a Word document, a workbook, or an OpenDocument text or spreadsheet. */
export interface ZipContents {
  readonly kind: "docx" | "xlsx" | "odt" | "ods";
  /** A macro project is present (word/vbaProject.bin, xl/vbaProject.bin): never run, only reported. */
  readonly macros: boolean;
}

const ODF_KINDS: Readonly<Record<string, ZipContents["kind"]>> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.text-template": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.spreadsheet-template": "ods",
};
const DOCTYPE = Buffer.from("<!DOCTYPE");

/**
 * Checks a zip before any of it reaches mammoth (or LibreOffice, or the workbook reader), in two passes. First
 * the central directory alone: the sizes it declares (a zip bomb is refused before anything is inflated), the
 * number of entries, and what it holds — a Word document (.docx, .docm, .dotx: word/document.xml), a workbook
 * (xl/workbook.xml) or an OpenDocument file (its `mimetype` part). Then every entry's local header, and every part mammoth may parse,
 * inflated and thrown away: it must not run past its declared size (a bomb that lies about its sizes),
 * must match its CRC (a damaged file is refused rather than read with altered text) and must not declare a
 * DOCTYPE (which Word never writes; external entities are how XML reads local files).
 */
export async function inspectZip(bytes: Uint8Array, limits: ZipLimits): Promise<ZipContents> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  } catch (error) {
    throw new ReadError("corrupt-zip", (error as Error).message);
  }
  try {
    const entries = await readDirectory(zip, limits);
    const names = new Set(entries.map((e) => e.fileName));
    const parts = new Map<string, Buffer>();
    for (const entry of entries) {
      const data = await checkEntry(zip, buffer, entry);
      if (data !== null) parts.set(entry.fileName, data);
    }
    return contentsOf(names, parts.get("mimetype")?.toString("latin1").trim() ?? null);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError("corrupt-zip", (error as Error).message);
  } finally {
    zip.close();
  }
}

async function readDirectory(zip: yauzl.ZipFile, limits: ZipLimits): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  let total = 0;
  const mb = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  for await (const entry of zip.eachEntry()) {
    total += entry.uncompressedSize;
    if (total > limits.maxUnzippedBytes)
      throw new ReadError(
        "zip-bomb",
        `(> ${mb(limits.maxUnzippedBytes)}: ${entry.fileName} declares ${mb(entry.uncompressedSize)})`,
      );
    if (entries.push(entry) > limits.maxZipEntries)
      throw new ReadError("zip-bomb", `(> ${limits.maxZipEntries} entries)`);
  }
  return entries;
}

/** The kind of document a zip holds, from its part names and its OpenDocument `mimetype`. */
function contentsOf(names: ReadonlySet<string>, mimetype: string | null): ZipContents {
  const macros = names.has("word/vbaProject.bin") || names.has("xl/vbaProject.bin");
  if (names.has("word/document.xml")) return { kind: "docx", macros };
  if (names.has("xl/workbook.xml")) return { kind: "xlsx", macros };
  const odf = mimetype === null ? undefined : ODF_KINDS[mimetype];
  if (odf && names.has("content.xml")) return { kind: odf, macros: false };
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.") || [...names].some((n) => n.startsWith("ppt/")))
    throw new ReadError("other-office-file", mimetype ? `(${mimetype})` : "(ppt/)");
  throw new ReadError("zip-without-document");
}

/** Checks one entry; returns the inflated bytes of a part that is parsed later, null for the others. */
async function checkEntry(zip: yauzl.ZipFile, bytes: Buffer, entry: yauzl.Entry): Promise<Buffer | null> {
  if (entry.isEncrypted()) throw new ReadError("password-protected", `(${entry.fileName})`);
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  if (!READ_PART.test(entry.fileName)) return null;
  const data = inflatePart(bytes.subarray(fileDataStart, fileDataStart + entry.compressedSize), entry);
  if (data.includes(DOCTYPE)) throw new ReadError("unsafe-xml", `(${entry.fileName})`);
  if (crc32(data) >>> 0 !== entry.crc32 >>> 0) throw new ReadError("corrupt-zip", `(${entry.fileName}: CRC mismatch)`);
  return data;
}

/**
 * Inflated synchronously from the bytes already in memory: streaming through zlib's thread pool made every
 * document wait 6–25 ms for the pool, more than the inflating itself costs.
 */
function inflatePart(compressed: Buffer, entry: yauzl.Entry): Buffer {
  let data: Buffer;
  if (entry.compressionMethod === 0) data = compressed;
  else if (entry.compressionMethod === 8) {
    try {
      // One byte more than declared, so that a part which lies about its size is caught without inflating it all.
      data = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1) });
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
      throw new ReadError(
        "corrupt-zip",
        `(${entry.fileName}: ${tooLarge ? "inflates past its declared size" : (error as Error).message})`,
      );
    }
  } else throw new ReadError("corrupt-zip", `(${entry.fileName}: compression method ${entry.compressionMethod})`);
  if (data.length !== entry.uncompressedSize) {
    throw new ReadError("corrupt-zip", `(${entry.fileName}: ${data.length} bytes, ${entry.uncompressedSize} declared)`);
  }
  return data;
}
