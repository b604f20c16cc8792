/** The container formats we can read. */
export type InputFormat = "docx" | "doc";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Tells a .docx (zip) from a legacy .doc (OLE2) by the file's first bytes, whatever its name. */
export function detectFormat(bytes: Uint8Array): InputFormat | null {
  if (startsWith(bytes, ZIP)) return "docx";
  if (startsWith(bytes, OLE2)) return "doc";
  return null;
}
