import type { InputFormat } from "../model/schema.js";

export type { InputFormat };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF = [...Buffer.from("{\\rtf")];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * Tells the container by the file's first bytes, whatever its name: a zip (reported as `docx`; which kind of zip
 * — Word, workbook, OpenDocument — takes its directory, see classify), an OLE2 compound file (reported as `doc`;
 * likewise) or RTF (which Word also saves under a .doc name). Null for anything else.
 */
export function detectFormat(bytes: Uint8Array): InputFormat | null {
  if (startsWith(bytes, ZIP)) return "docx";
  if (startsWith(bytes, OLE2)) return "doc";
  if (startsWith(bytes, RTF)) return "rtf";
  return null;
}
