/**
 * Just enough of the OLE2 compound file format ([MS-CFB]) to tell what a legacy Office file holds before
 * LibreOffice is asked to convert it: the names in its directory, and the flags of a Word file's FIB.
 */

import { ReadError } from "./errors.js";
import type { InputFormat } from "./format.js";

/** What the directory of a compound file says; `truncated` when it lies beyond the end of the file. */
export type Ole2Directory =
  | {
      readonly kind: "directory";
      readonly streams: ReadonlyMap<string, { readonly start: number; readonly size: number }>;
    }
  | { readonly kind: "truncated" };

const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;

/**
 * Reads the directory of an OLE2 compound file. Returns `truncated` when a sector the header or the
 * allocation table points to lies past the end of the file (the file was cut short), and null when
 * the structure cannot be followed for another reason (the caller then lets LibreOffice decide).
 */
export function readOle2Directory(bytes: Uint8Array): Ole2Directory | null {
  if (bytes.length < 512) return { kind: "truncated" };
  try {
    return walkDirectory(bytes);
  } catch {
    return null; // a read out of bounds: a structure this reader cannot follow
  }
}

/** Little-endian readers of the bytes; like Buffer's, they throw a RangeError past the end. */
function readers(bytes: Uint8Array): { u16: (at: number) => number; u32: (at: number) => number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { u16: (at) => view.getUint16(at, true), u32: (at) => view.getUint32(at, true) };
}

function walkDirectory(bytes: Uint8Array): Ole2Directory | null {
  const { u16, u32 } = readers(bytes);
  const utf16 = new TextDecoder("utf-16le");
  const shift = u16(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  // A last sector cut short still counts as present; reads inside it are bounds-checked.
  const sectorCount = Math.ceil((bytes.length - size) / size);
  const offset = (sector: number) => (sector + 1) * size;
  const beyond = (sector: number) => sector <= MAX_REGULAR_SECTOR && sector >= sectorCount;

  // The allocation table's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = u32(0x2c);
  for (let i = 0; i < Math.min(fatCount, 109); i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  for (let hops = 0; fatSectors.length < fatCount && difat <= MAX_REGULAR_SECTOR; hops++) {
    if (beyond(difat)) return { kind: "truncated" };
    if (hops > sectorCount) return null;
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(offset(difat) + i * 4));
    difat = u32(offset(difat) + size - 4);
  }
  if (fatSectors.some(beyond)) return { kind: "truncated" };
  const next = (sector: number): number | null => {
    const fat = fatSectors[Math.floor(sector / (size / 4))];
    return fat === undefined || fat > MAX_REGULAR_SECTOR ? null : u32(offset(fat) + (sector % (size / 4)) * 4);
  };

  const streams = new Map<string, { start: number; size: number }>();
  let sector = u32(0x30);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    if (beyond(sector)) return { kind: "truncated" };
    if (sector > MAX_REGULAR_SECTOR || hops > sectorCount) return null;
    for (let at = offset(sector); at < offset(sector) + size && at + 128 <= bytes.length; at += 128) {
      const nameBytes = u16(at + 0x40);
      const type = bytes[at + 0x42];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      const name = utf16.decode(bytes.subarray(at, at + nameBytes - 2));
      streams.set(name, { start: u32(at + 0x74), size: u32(at + 0x78) });
    }
    const following = next(sector);
    if (following === null) return null;
    sector = following;
  }
  return { kind: "directory", streams };
}

/**
 * Whether a Word 97–2003 file is password-protected: the fEncrypted bit of the FIB at the start of its
 * WordDocument stream (which, at 4 KB or more, always starts in a regular sector).
 */
export function isEncryptedWordStream(
  bytes: Uint8Array,
  stream: { readonly start: number; readonly size: number },
): boolean {
  const { u16 } = readers(bytes);
  const size = 1 << u16(0x1e);
  const at = (stream.start + 1) * size;
  if (stream.size < 4096 || at + 12 > bytes.length) return false;
  return u16(at) === 0xa5ec && (u16(at + 0x0a) & 0x0100) !== 0;
}

/** OLE2 streams that mark a password-protected file: an encrypted .docx/.xlsx is an OLE2 file holding these. */
const ENCRYPTED_STREAMS = ["EncryptionInfo", "EncryptedPackage"];
/** OLE2 streams of a legacy Excel workbook (BIFF8, BIFF5; WPS .et files hold the same). */
const WORKBOOK_STREAMS = ["Workbook", "Book"];
/** OLE2 streams of other Office files we do not read. */
const OTHER_OFFICE_STREAMS = ["PowerPoint Document"];
/** Names WPS Office gives its own word-processing files (a hint only; see ClassifyOptions.name). */
const WPS_NAME = /\.(?:wps|wpt)$/i;

/**
 * What an OLE2 file holds: a Word document (.doc, .dot, and WPS files saved in Word's format), a legacy workbook
 * (.xls, WPS .et), or — named .wps/.wpt — WPS Office's own format; refuses encrypted, truncated and other files
 * before LibreOffice is started.
 */
export function inspectOle2(bytes: Uint8Array, name: string | undefined): InputFormat {
  const directory = readOle2Directory(bytes);
  if (directory === null) return "doc"; // not followed here: LibreOffice decides
  if (directory.kind === "truncated") throw new ReadError("corrupt-doc");
  const { streams } = directory;
  if (ENCRYPTED_STREAMS.some((s) => streams.has(s))) throw new ReadError("password-protected");
  const word = streams.get("WordDocument");
  if (word && isEncryptedWordStream(bytes, word)) throw new ReadError("password-protected");
  if (word) return "doc";
  if (WORKBOOK_STREAMS.some((s) => streams.has(s))) return "xls";
  const other = OTHER_OFFICE_STREAMS.find((s) => streams.has(s));
  if (other) throw new ReadError("other-office-file", `(${other})`);
  if (name !== undefined && WPS_NAME.test(name)) return "wps";
  throw new ReadError("not-word-document", "(OLE2 without a WordDocument stream)");
}
