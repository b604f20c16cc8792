/**
 * A folder of bad inputs, as real archives hold them: renamed, damaged, encrypted and hostile files, all
 * made here from the fixtures, deterministically from a seed. Each comes with what it is and the outcome
 * expected from the batch: a stable error code, or "ok" (read and extracted).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { constants, crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { FIXTURES } from "./fixtures.js";
import { mulberry32 } from "./random.js";

/** The classes of bad input. */
export type BadInputKind =
  | "empty"
  | "text"
  | "lock-file"
  | "legacy-renamed"
  | "docx-renamed"
  | "rtf-renamed"
  | "encrypted"
  | "other-office"
  | "corrupt-doc"
  | "no-document"
  | "part-deleted"
  | "truncated"
  | "byte-flip"
  | "zip-bomb"
  | "zip-lying-sizes"
  | "hostile-zip"
  | "pdf"
  | "image"
  | "doctype"
  | "malformed-xml"
  | "container-renamed";

/** One generated input. */
export interface BadInput {
  /** The file name in the folder. */
  readonly file: string;
  readonly kind: BadInputKind;
  /** What was done to it, for failure messages. */
  readonly about: string;
  /**
   * The acceptable outcomes: error codes, or "ok". One, except for a byte flipped in a zip's headers,
   * where several readings are right (a renamed entry, a size that no longer matches, a field nobody reads).
   */
  readonly expected: readonly string[];
  /** A `~$` lock file: skipped by the batch with a note, so it has no outputs. */
  readonly skipped?: true;
}

/** Any honest outcome of a damaged zip header: never internal-error, worker-crashed or timeout. */
const ZIP_HEADER_OUTCOMES = [
  "ok",
  "corrupt-zip",
  "zip-without-document",
  "zip-bomb",
  "other-office-file",
  "password-protected",
  "corrupt-document",
];

// ---- zips, entry by entry ----

/** A zip entry as stored: its compressed bytes and the fields of its headers. */
export interface RawEntry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly data: Buffer;
  readonly crc: number;
  /** The uncompressed size the headers declare (a forged one for a bomb). */
  readonly size: number;
  readonly flags?: number;
}

/** Where an entry sits in a zip read by `readRawZip`. */
export interface EntryLayout {
  readonly name: string;
  readonly method: number;
  readonly local: number;
  readonly dataStart: number;
  readonly compressedSize: number;
  readonly central: number;
  readonly crc: number;
  readonly size: number;
}

/** Reads a zip's entries and layout from its central directory (no zip64: the fixtures are small). */
export function readRawZip(zip: Buffer): {
  entries: RawEntry[];
  layout: EntryLayout[];
  centralStart: number;
  eocd: number;
} {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const centralStart = zip.readUInt32LE(eocd + 16);
  const entries: RawEntry[] = [];
  const layout: EntryLayout[] = [];
  let at = centralStart;
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const compressedSize = zip.readUInt32LE(at + 20);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 24);
    layout.push({ name, method, local, dataStart, compressedSize, central: at, crc, size });
    entries.push({
      name,
      method: method === 0 ? 0 : 8,
      data: zip.subarray(dataStart, dataStart + compressedSize),
      crc,
      size,
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { entries, layout, centralStart, eocd };
}

/** Writes entries as a zip, with whatever sizes and flags they declare (a fixed date: same bytes every time). */
export function writeRawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE((entry.flags ?? 0) | 0x0800, at + 2);
      header.writeUInt16LE(entry.method, at + 4);
      header.writeUInt16LE(0, at + 6);
      header.writeUInt16LE(0x5b21, at + 8); // 2025-09-01
      header.writeUInt32LE(entry.crc >>> 0, at + 10);
      header.writeUInt32LE(entry.data.length, at + 14);
      header.writeUInt32LE(entry.size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A deflated entry holding `content`. */
export function deflated(name: string, content: string | Buffer): RawEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, method: 8, data: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

/** A stored (uncompressed) entry holding `content`, as OpenDocument stores its `mimetype`. */
export function stored(name: string, content: string): RawEntry {
  const bytes = Buffer.from(content, "utf8");
  return { name, method: 0, data: bytes, crc: crc32(bytes), size: bytes.length };
}

// ---- OLE2 (.doc) patches ----

/** The offset of the OLE2 directory entry with this name (entries are 128-byte aligned), or -1. */
function directoryEntry(doc: Buffer, name: string): number {
  const encoded = Buffer.from(`${name}\0`, "utf16le");
  for (let at = 512; at + 128 <= doc.length; at += 128) {
    if (doc.readUInt16LE(at + 64) === encoded.length && doc.subarray(at, at + encoded.length).equals(encoded))
      return at;
  }
  return -1;
}

/** The .doc with one directory entry renamed (the directory's tree order is not kept: only names are read). */
function renameStream(doc: Buffer, from: string, to: string): Buffer {
  const out = Buffer.from(doc);
  const at = directoryEntry(out, from);
  if (at < 0) throw new Error(`no OLE2 entry ${from}`);
  const name = Buffer.from(`${to}\0`, "utf16le");
  out.fill(0, at, at + 64);
  name.copy(out, at);
  out.writeUInt16LE(name.length, at + 64);
  return out;
}

/** The .doc with the FIB's fEncrypted bit set, as Word 97–2003 marks a file with an open password. */
function setEncryptedFlag(doc: Buffer): Buffer {
  const out = Buffer.from(doc);
  const entry = directoryEntry(out, "WordDocument");
  const fib = (out.readUInt32LE(entry + 0x74) + 1) * 512;
  if (out.readUInt16LE(fib) !== 0xa5ec) throw new Error("no FIB where expected");
  out.writeUInt16LE(out.readUInt16LE(fib + 0x0a) | 0x0100, fib + 0x0a);
  return out;
}

// ---- the folder ----

/** Word's owner lock file for a user name (as Word writes it: see LibreOffice's msodocumentlockfile.cxx). */
export function lockFileBytes(user: string): Buffer {
  const out = Buffer.alloc(162);
  out[0] = user.length;
  out.write(user, 1, "latin1");
  out.writeUInt16LE(user.length, 54);
  out.write(user, 56, "utf16le");
  return out;
}

const MINIMAL_DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>';

/** The reference .docx with word/document.xml replaced (through jszip, as a writer would save it). */
async function withDocumentXml(docx: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  zip.file("word/document.xml", edit(await zip.file("word/document.xml")!.async("string")), {
    date: new Date(Date.UTC(2025, 8, 1)),
    createFolders: false,
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Whether flipping `mask` at `offset` of a deflated entry's data changes what it inflates to. */
function flipChangesContent(entry: RawEntry, offsetInData: number, mask: number): boolean {
  const original = inflateRawSync(entry.data);
  const flipped = Buffer.from(entry.data);
  flipped[offsetInData]! ^= mask;
  try {
    return !inflateRawSync(flipped, { maxOutputLength: original.length + 1 }).equals(original);
  } catch {
    return true;
  }
}

/**
 * Writes at least 60 bad inputs into `dir` (which must exist), built from the fixtures, and returns what
 * each is with its expected outcome. The same seed gives the same bytes.
 */
export async function buildBadInputs(dir: string, seed: number): Promise<BadInput[]> {
  const random = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo)); // [lo, hi)
  const docx = await readFile(join(FIXTURES, "yutian-commerce-2025.docx"));
  const doc = await readFile(join(FIXTURES, "yutian-commerce-2025.doc"));
  const xlsx = await readFile(join(FIXTURES, "spreadsheets/stacked.xlsx"));
  const xls = await readFile(join(FIXTURES, "spreadsheets/stacked.xls"));
  const docm = await readFile(join(FIXTURES, "containers/yutian-commerce-2025.docm"));
  const odt = await readFile(join(FIXTURES, "containers/yutian-commerce-2025.odt"));
  const inputs: BadInput[] = [];
  const add = async (
    file: string,
    kind: BadInputKind,
    about: string,
    expected: string | readonly string[],
    bytes: Buffer | string,
    skipped = false,
  ) => {
    await writeFile(join(dir, file), bytes);
    inputs.push({
      file,
      kind,
      about,
      expected: typeof expected === "string" ? [expected] : expected,
      ...(skipped ? { skipped: true as const } : {}),
    });
  };

  // Not documents at all.
  await add("empty.docx", "empty", "0 bytes", "empty-file", Buffer.alloc(0));
  await add("empty.doc", "empty", "0 bytes", "empty-file", Buffer.alloc(0));
  await add(
    "text.docx",
    "text",
    "a text file named .docx",
    "not-word-document",
    "这不是 Word 文档。\nnot a document\n",
  );
  await add(
    "text.doc",
    "text",
    "a text file named .doc",
    "not-word-document",
    "plain text, saved with the wrong extension\n",
  );
  await add(
    "text-162.docx",
    "text",
    "162 bytes of text starting with a digit (the size of a lock file)",
    "not-word-document",
    Buffer.from(`1. ${"meeting notes, budget line ".repeat(8)}`).subarray(0, 162),
  );
  await add(
    "scan.docx",
    "pdf",
    "a PDF named .docx",
    "pdf-file",
    Buffer.concat([
      Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "latin1"),
      Buffer.alloc(64, 0x20),
    ]),
  );
  await add(
    "photo.docx",
    "image",
    "a PNG named .docx",
    "image-file",
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(120, 7)]),
  );
  await add(
    "photo.doc",
    "image",
    "a JPEG named .doc",
    "image-file",
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF"), Buffer.alloc(100, 3)]),
  );
  await add(
    "anim.docx",
    "image",
    "a GIF named .docx",
    "image-file",
    Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(40, 1)]),
  );
  await add(
    "lock-content.docx",
    "lock-file",
    "a Word lock file's 162 bytes under a normal name",
    "lock-file",
    lockFileBytes("zhangsan"),
  );
  await add(
    "~$ck-named.docx",
    "lock-file",
    "a Word lock file under its own ~$ name",
    "skipped",
    lockFileBytes("lisi"),
    true,
  );

  // Renamed: read by content, whatever the name says.
  await add("legacy-renamed.docx", "legacy-renamed", "the .doc fixture named .docx: converted, not failed", "ok", doc);
  await add("docx-renamed.doc", "docx-renamed", "the .docx fixture named .doc", "ok", docx);
  await add(
    "rich-text.docx",
    "rtf-renamed",
    "an RTF file named .docx (converted by LibreOffice)",
    "ok",
    "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\f0 Hello from RTF\\par}\n",
  );

  // OLE2 files that are not readable Word documents.
  await add(
    "encrypted.docx",
    "encrypted",
    "an OLE2 file holding EncryptionInfo (a .docx with an open password)",
    "password-protected",
    renameStream(doc, "Data", "EncryptionInfo"),
  );
  await add(
    "encrypted.doc",
    "encrypted",
    "a .doc with the FIB's fEncrypted bit set",
    "password-protected",
    setEncryptedFlag(doc),
  );
  await add(
    "legacy-slides.doc",
    "other-office",
    "an OLE2 file with a PowerPoint Document stream and no WordDocument",
    "other-office-file",
    renameStream(doc, "WordDocument", "PowerPoint Document"),
  );
  await add(
    "encrypted.xlsx",
    "encrypted",
    "an OLE2 file holding EncryptionInfo under an .xlsx name (a workbook with an open password)",
    "password-protected",
    renameStream(doc, "Data", "EncryptionInfo"),
  );
  await add(
    "own-format.wps",
    "other-office",
    "an OLE2 file of no known kind named .wps (WPS Office's own format): tried with LibreOffice, which cannot read it",
    "wps-unreadable",
    renameStream(doc, "WordDocument", "KsoDocument"),
  );
  await add(
    "truncated-legacy.xls",
    "corrupt-doc",
    `the .xls fixture cut at ${xls.length >> 1} of ${xls.length} bytes`,
    "corrupt-doc",
    xls.subarray(0, xls.length >> 1),
  );
  await add(
    "truncated.xlsx",
    "truncated",
    `the .xlsx fixture cut at ${xlsx.length >> 1} of ${xlsx.length} bytes`,
    "corrupt-zip",
    xlsx.subarray(0, xlsx.length >> 1),
  );
  await add(
    "truncated.odt",
    "truncated",
    `the .odt fixture cut at ${odt.length >> 1} of ${odt.length} bytes`,
    "corrupt-zip",
    odt.subarray(0, odt.length >> 1),
  );
  await add(
    "workbook-renamed.docx",
    "container-renamed",
    "the .xlsx fixture named .docx: read as a workbook",
    "ok",
    xlsx,
  );
  await add("docm-renamed.xlsx", "container-renamed", "the .docm fixture named .xlsx: read as Word", "ok", docm);
  await add(
    "truncated-legacy.doc",
    "corrupt-doc",
    `the .doc cut at ${doc.length >> 1} of ${doc.length} bytes`,
    "corrupt-doc",
    doc.subarray(0, doc.length >> 1),
  );

  // Zips that are not Word documents, or Word documents with parts missing.
  const { entries, layout, centralStart, eocd } = readRawZip(docx);
  const without = (name: string) => writeRawZip(entries.filter((e) => e.name !== name));
  await add(
    "just-a-zip.docx",
    "no-document",
    "a zip holding a text file",
    "zip-without-document",
    writeRawZip([deflated("readme.txt", "hello")]),
  );
  await add(
    "no-document-xml.docx",
    "no-document",
    "the fixture without word/document.xml",
    "zip-without-document",
    without("word/document.xml"),
  );
  await add(
    "spreadsheet.docx",
    "no-document",
    "an xlsx-like zip whose xl/workbook.xml holds no worksheet",
    "empty-workbook",
    writeRawZip([deflated("[Content_Types].xml", "<Types/>"), deflated("xl/workbook.xml", "<workbook/>")]),
  );
  await add(
    "slides.docx",
    "other-office",
    "a pptx-like zip (ppt/presentation.xml)",
    "other-office-file",
    writeRawZip([deflated("ppt/presentation.xml", "<p:presentation/>")]),
  );
  await add(
    "presentation.odt",
    "other-office",
    "an OpenDocument presentation (mimetype application/vnd.oasis.opendocument.presentation) named .odt",
    "other-office-file",
    writeRawZip([
      stored("mimetype", "application/vnd.oasis.opendocument.presentation"),
      deflated("content.xml", "<office:document-content/>"),
    ]),
  );
  await add(
    "doctype.odt",
    "doctype",
    "an OpenDocument text whose content.xml declares a DOCTYPE",
    "unsafe-xml",
    writeRawZip([
      stored("mimetype", "application/vnd.oasis.opendocument.text"),
      deflated("content.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'),
    ]),
  );
  await add(
    "no-content-types.docx",
    "part-deleted",
    "the fixture without [Content_Types].xml (mammoth does not need it)",
    "ok",
    without("[Content_Types].xml"),
  );
  await add("no-styles.docx", "part-deleted", "the fixture without word/styles.xml", "ok", without("word/styles.xml"));

  // Zip bombs, and zips that lie about their sizes.
  // 250 MB of zeros as a real deflate stream: one MB deflated with a sync flush (byte-aligned, not final),
  // repeated, then an empty final block. It inflates to 250 MB from about 250 KB.
  const megabyte = Buffer.alloc(1024 * 1024);
  const chunk = deflateRawSync(megabyte, { finishFlush: constants.Z_SYNC_FLUSH });
  let zerosCrc = 0;
  for (let i = 0; i < 250; i++) zerosCrc = crc32(megabyte, zerosCrc);
  const bomb: RawEntry = {
    name: "word/media/zeros.bin",
    method: 8,
    data: Buffer.concat([...Array<Buffer>(250).fill(chunk), deflateRawSync(Buffer.alloc(0))]),
    crc: zerosCrc,
    size: 250 * megabyte.length,
  };
  await add(
    "bomb-declared.docx",
    "zip-bomb",
    "word/document.xml declaring 250 MB uncompressed (forged central directory)",
    "zip-bomb",
    writeRawZip(entries.map((e) => (e.name === "word/document.xml" ? { ...e, size: bomb.size } : e))),
  );
  await add(
    "bomb-zeros.docx",
    "zip-bomb",
    "a real deflated 250 MB of zeros beside the fixture's parts",
    "zip-bomb",
    writeRawZip([...entries, bomb]),
  );
  await add(
    "bomb-entries.docx",
    "zip-bomb",
    "10,001 entries",
    "zip-bomb",
    writeRawZip([
      ...entries,
      ...Array.from(
        { length: 10_001 - entries.length },
        (_, i): RawEntry => ({ name: `word/x/${i}.bin`, method: 0, data: Buffer.alloc(0), crc: 0, size: 0 }),
      ),
    ]),
  );
  await add(
    "lying-sizes.docx",
    "zip-lying-sizes",
    "word/settings.xml declaring 2 KB but inflating to 1 MB (a bomb that lies)",
    "corrupt-zip",
    writeRawZip(
      entries.map((e) =>
        e.name === "word/settings.xml" ? { ...e, data: deflateRawSync(megabyte), crc: crc32(megabyte), size: 2048 } : e,
      ),
    ),
  );
  await add(
    "zip-encrypted.docx",
    "hostile-zip",
    "entries flagged as zip-encrypted",
    "password-protected",
    writeRawZip(entries.map((e) => (e.name === "word/document.xml" ? { ...e, flags: 1 } : e))),
  );
  await add(
    "path-traversal.docx",
    "hostile-zip",
    "an extra entry named ../../etc/evil.xml",
    "corrupt-zip",
    writeRawZip([...entries, deflated("../../etc/evil.xml", "<x/>")]),
  );

  // Hostile and malformed XML inside a sound zip.
  await add(
    "doctype.docx",
    "doctype",
    "document.xml with a DOCTYPE declaring an external entity to /etc/passwd",
    "unsafe-xml",
    await withDocumentXml(docx, (xml) =>
      xml
        .replace(
          /^<\?xml[^>]*\?>/,
          '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        )
        .replace("<w:body>", "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>"),
    ),
  );
  await add(
    "malformed-xml.docx",
    "malformed-xml",
    "document.xml cut in the middle of an element (its CRC matches)",
    "corrupt-document",
    writeRawZip(
      entries.map((e) => (e.name === "word/document.xml" ? deflated(e.name, MINIMAL_DOCUMENT.slice(0, 200)) : e)),
    ),
  );

  // Truncations: the first three bytes are not even a zip signature; beyond that the end record is gone.
  const cuts = new Set([
    1,
    2,
    3,
    4,
    30,
    31,
    docx.length - 1,
    docx.length - 21,
    docx.length - 22,
    docx.length - 23,
    centralStart,
    centralStart + 7,
  ]);
  while (cuts.size < 20) cuts.add(between(32, docx.length - 23));
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    await add(
      `truncated-${cut}.docx`,
      "truncated",
      `the .docx cut at ${cut} of ${docx.length} bytes`,
      cut < 4 ? "not-word-document" : "corrupt-zip",
      docx.subarray(0, cut),
    );
  }

  // Byte flips. In an XML part's data the outcome is known from first principles: corrupt-zip when a part
  // the reader parses ([Content_Types].xml, under word/ or _rels/) no longer inflates to the same bytes,
  // else ok (docProps and customXml are never parsed, nor is the thumbnail); a flipped signature is
  // corrupt-zip; elsewhere in the headers several readings are right.
  const flip = async (offset: number, mask: number, about: string, expected: string | readonly string[]) => {
    const bytes = Buffer.from(docx);
    bytes[offset]! ^= mask;
    await add(
      `flip-${offset}-${mask.toString(16)}.docx`,
      "byte-flip",
      `bit ${mask.toString(16)} of byte ${offset} flipped: ${about}`,
      expected,
      bytes,
    );
  };
  const xmlParts = layout.filter((l) => /\.(xml|rels)$/.test(l.name));
  const flipped = new Set<number>();
  for (let i = 0; flipped.size < 14 && i < 1000; i++) {
    const part = xmlParts[between(0, xmlParts.length)]!;
    const inData = between(0, part.compressedSize);
    const mask = 1 << between(0, 8);
    if (flipped.has(part.dataStart + inData)) continue;
    flipped.add(part.dataStart + inData);
    const changed = flipChangesContent(entries.find((e) => e.name === part.name)!, inData, mask);
    const read = /^(word\/|_rels\/|\[Content_Types\]\.xml$)/.test(part.name);
    await flip(part.dataStart + inData, mask, `in the data of ${part.name}`, changed && read ? "corrupt-zip" : "ok");
  }
  const thumbnail = layout.find((l) => l.name === "docProps/thumbnail.jpeg")!;
  for (let i = 0; i < 3; i++)
    await flip(
      thumbnail.dataStart + between(0, thumbnail.compressedSize),
      1 << between(0, 8),
      "in the thumbnail, which is never read",
      "ok",
    );
  const document = layout.find((l) => l.name === "word/document.xml")!;
  await flip(document.local + 1, 0x10, "the local header signature of word/document.xml", "corrupt-zip");
  await flip(thumbnail.local + 2, 0x01, "the local header signature of the thumbnail", "corrupt-zip");
  await flip(document.central + 3, 0x20, "the central directory signature of word/document.xml", "corrupt-zip");
  await flip(eocd, 0x02, "the end-of-central-directory signature", "corrupt-zip");
  await flip(document.central + 16, 0x04, "the CRC of word/document.xml in the central directory", "corrupt-zip");
  await flip(
    document.central + 46 + between(0, document.name.length),
    1 << between(0, 8),
    "the name of word/document.xml in the central directory",
    ["zip-without-document", "corrupt-zip"],
  );
  for (let i = 0; i < 6; i++) {
    const offset = between(centralStart, docx.length);
    await flip(offset, 1 << between(0, 8), "somewhere in the central directory", ZIP_HEADER_OUTCOMES);
  }
  return inputs;
}
