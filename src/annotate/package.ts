import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** The parts of a .docx package, by zip entry name, in their original order. */
export type DocxParts = Map<string, Uint8Array>;

/** Largest package unpacked for annotation (declared uncompressed sizes); the read stage applies its own limit first. */
const MAX_UNZIPPED = 512 * 1024 * 1024;

/** Unpacks a .docx; throws when the zip cannot be read or declares more than the limit. */
export function unpackDocx(bytes: Uint8Array): DocxParts {
  let total = 0;
  const files = unzipSync(bytes, {
    filter: (file) => {
      total += file.originalSize;
      if (total > MAX_UNZIPPED) throw new Error("the package is too large to annotate");
      return true;
    },
  });
  return new Map(Object.entries(files));
}

/** Packs parts into a .docx, `[Content_Types].xml` first as Word writes it; `level` 0 stores without compressing. */
export function packDocx(parts: DocxParts, level: 0 | 6 = 6): Uint8Array {
  const names = [...parts.keys()].sort(
    (a, b) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"),
  );
  return zipSync(Object.fromEntries(names.map((name) => [name, parts.get(name)!])), { level });
}

/** A part as text (UTF-8), or null when the package has no such part. */
export function partText(parts: DocxParts, name: string): string | null {
  const bytes = parts.get(name);
  return bytes === undefined ? null : strFromU8(bytes);
}

/** Sets a part from text (UTF-8). */
export function setPartText(parts: DocxParts, name: string, text: string): void {
  parts.set(name, strToU8(text));
}
