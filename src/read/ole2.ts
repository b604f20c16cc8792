/**
 * Just enough of the OLE2 compound file format ([MS-CFB]) to tell what a legacy Office file holds before
 * LibreOffice is asked to convert it: the names in its directory, and the flags of a Word file's FIB.
 */

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
export function readOle2Directory(bytes: Buffer): Ole2Directory | null {
  if (bytes.length < 512) return { kind: "truncated" };
  try {
    return walkDirectory(bytes);
  } catch {
    return null; // a read out of bounds: a structure this reader cannot follow
  }
}

function walkDirectory(bytes: Buffer): Ole2Directory | null {
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  // A last sector cut short still counts as present; reads inside it are bounds-checked.
  const sectorCount = Math.ceil((bytes.length - size) / size);
  const offset = (sector: number) => (sector + 1) * size;
  const beyond = (sector: number) => sector <= MAX_REGULAR_SECTOR && sector >= sectorCount;

  // The allocation table's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = bytes.readUInt32LE(0x2c);
  for (let i = 0; i < Math.min(fatCount, 109); i++) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4));
  let difat = bytes.readUInt32LE(0x44);
  for (let hops = 0; fatSectors.length < fatCount && difat <= MAX_REGULAR_SECTOR; hops++) {
    if (beyond(difat)) return { kind: "truncated" };
    if (hops > sectorCount) return null;
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++)
      fatSectors.push(bytes.readUInt32LE(offset(difat) + i * 4));
    difat = bytes.readUInt32LE(offset(difat) + size - 4);
  }
  if (fatSectors.some(beyond)) return { kind: "truncated" };
  const next = (sector: number): number | null => {
    const fat = fatSectors[Math.floor(sector / (size / 4))];
    return fat === undefined || fat > MAX_REGULAR_SECTOR
      ? null
      : bytes.readUInt32LE(offset(fat) + (sector % (size / 4)) * 4);
  };

  const streams = new Map<string, { start: number; size: number }>();
  let sector = bytes.readUInt32LE(0x30);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    if (beyond(sector)) return { kind: "truncated" };
    if (sector > MAX_REGULAR_SECTOR || hops > sectorCount) return null;
    for (let at = offset(sector); at < offset(sector) + size && at + 128 <= bytes.length; at += 128) {
      const nameBytes = bytes.readUInt16LE(at + 0x40);
      const type = bytes[at + 0x42];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      const name = bytes.toString("utf16le", at, at + nameBytes - 2);
      streams.set(name, { start: bytes.readUInt32LE(at + 0x74), size: bytes.readUInt32LE(at + 0x78) });
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
  bytes: Buffer,
  stream: { readonly start: number; readonly size: number },
): boolean {
  const size = 1 << bytes.readUInt16LE(0x1e);
  const at = (stream.start + 1) * size;
  if (stream.size < 4096 || at + 12 > bytes.length) return false;
  return bytes.readUInt16LE(at) === 0xa5ec && (bytes.readUInt16LE(at + 0x0a) & 0x0100) !== 0;
}
