import { crc32, inflateRawSync } from "node:zlib";
import yauzl from "yauzl";
import { ReadError } from "./errors.js";
import {
  checkDeclared,
  contentsOf,
  declaresDoctype,
  READ_PART,
  type ZipContents,
  type ZipLimits,
} from "./zip-contents.js";

export type { ZipContents, ZipLimits };

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
  for await (const entry of zip.eachEntry()) {
    total += entry.uncompressedSize;
    checkDeclared(limits, total, entries.push(entry), entry.fileName, entry.uncompressedSize);
  }
  return entries;
}

/** Checks one entry; returns the inflated bytes of a part that is parsed later, null for the others. */
async function checkEntry(zip: yauzl.ZipFile, bytes: Buffer, entry: yauzl.Entry): Promise<Buffer | null> {
  if (entry.isEncrypted()) throw new ReadError("password-protected", `(${entry.fileName})`);
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  if (!READ_PART.test(entry.fileName)) return null;
  const data = inflatePart(bytes.subarray(fileDataStart, fileDataStart + entry.compressedSize), entry);
  if (declaresDoctype(data)) throw new ReadError("unsafe-xml", `(${entry.fileName})`);
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
