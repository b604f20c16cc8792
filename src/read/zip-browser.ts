import { inflateSync } from "fflate";
import { ReadError } from "./errors.js";
import {
  checkDeclared,
  contentsOf,
  declaresDoctype,
  READ_PART,
  type ZipContents,
  type ZipLimits,
} from "./zip-contents.js";

/**
 * The zip checks of zip.ts for the web page, where neither yauzl nor zlib exist: the central directory is read
 * here and the parts mammoth may parse are inflated with fflate. The same checks, in the same order: the declared
 * sizes and the number of entries before anything is inflated; then every entry's local header; every part that
 * is parsed later inflated into a buffer one byte larger than it declares (a part that lies about its size fills
 * it), checked against its CRC, and refused if it declares a DOCTYPE. Zip64 archives (never written for a Word
 * document) are refused as damaged.
 */
export function inspectZipBytes(bytes: Uint8Array, limits: ZipLimits): ZipContents {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(bytes, view, limits);
  const names = new Set(entries.map((e) => e.name));
  let mimetype: string | null = null;
  for (const entry of entries) {
    const data = checkEntry(bytes, view, entry);
    if (data !== null && entry.name === "mimetype") mimetype = latin1(data).trim();
  }
  return contentsOf(names, mimetype);
}

interface Entry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly headerOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corrupt(detail: string): ReadError {
  return new ReadError("corrupt-zip", `(${detail})`);
}

function readDirectory(bytes: Uint8Array, view: DataView, limits: ZipLimits): Entry[] {
  // The end-of-central-directory record: 22 bytes and a comment of up to 64 KB, at the end of the file.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  if (end === -1) throw corrupt("end of central directory record not found");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw corrupt("zip64");
  const decoder = new TextDecoder("utf-8");
  const entries: Entry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw corrupt("invalid central directory");
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + skip > bytes.length) throw corrupt("invalid central directory");
    const entry: Entry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      headerOffset: view.getUint32(at + 42, true),
    };
    at += 46 + skip;
    checkName(entry.name);
    total += entry.size;
    checkDeclared(limits, total, entries.push(entry), entry.name, entry.size);
  }
  return entries;
}

/** yauzl's checks of an entry's name: no backslash, no absolute path, no `..` segment. */
function checkName(name: string): void {
  if (name.includes("\\")) throw corrupt(`invalid characters in fileName: ${name}`);
  if (/^[a-zA-Z]:/.test(name) || name.startsWith("/")) throw corrupt(`absolute path: ${name}`);
  if (name.split("/").includes("..")) throw corrupt(`invalid relative path: ${name}`);
}

/** Checks one entry; returns the inflated bytes of a part that is parsed later, null for the others. */
function checkEntry(bytes: Uint8Array, view: DataView, entry: Entry): Uint8Array | null {
  if (entry.flags & 1) throw new ReadError("password-protected", `(${entry.name})`);
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw corrupt(`${entry.name}: invalid local header`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw corrupt(`${entry.name}: data past the end of the file`);
  if (!READ_PART.test(entry.name)) return null;
  const data = inflatePart(bytes.subarray(start, start + entry.compressedSize), entry);
  if (declaresDoctype(data)) throw new ReadError("unsafe-xml", `(${entry.name})`);
  if (crc32(data) !== entry.crc) throw corrupt(`${entry.name}: CRC mismatch`);
  return data;
}

function inflatePart(compressed: Uint8Array, entry: Entry): Uint8Array {
  let data: Uint8Array;
  if (entry.method === 0) data = compressed;
  else if (entry.method === 8) {
    try {
      // One byte more than declared: fflate writes no further, so a part that lies about its size fills it.
      data = inflateSync(compressed, { out: new Uint8Array(entry.size + 1) });
    } catch (error) {
      throw corrupt(`${entry.name}: ${(error as Error).message}`);
    }
    if (data.length > entry.size) throw corrupt(`${entry.name}: inflates past its declared size`);
  } else throw corrupt(`${entry.name}: compression method ${entry.method}`);
  if (data.length !== entry.size) throw corrupt(`${entry.name}: ${data.length} bytes, ${entry.size} declared`);
  return data;
}

let table: Uint32Array | undefined;

/** CRC-32 (the zip polynomial), unsigned. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function latin1(data: Uint8Array): string {
  return String.fromCharCode(...data.subarray(0, 256));
}
