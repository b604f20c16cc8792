import { strToU8, zipSync } from "fflate";
import { packageParts, type SheetSpec, type WorkbookProps } from "./xlsx-parts.js";

/**
 * The .xlsx of xlsx-parts.ts built in memory and zipped by fflate: for the web page, which has the whole batch
 * at hand and no stream to write to. The same parts in the same order as the CLI's streaming writer (xlsx.ts).
 */
export async function xlsxBytes(sheets: readonly SheetSpec[], props: WorkbookProps): Promise<Uint8Array> {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  // A zip's DOS dates start in 1980 (fflate refuses earlier ones; yazl clamps them).
  const options = { mtime: props.date.getUTCFullYear() < 1980 ? new Date(1980, 0, 1) : props.date };
  for (const part of packageParts(sheets, props)) {
    let text: string;
    if (part.kind === "text") text = part.text;
    else if (part.kind === "late") text = part.text();
    else {
      const pieces: string[] = [];
      for await (const piece of part.xml) pieces.push(piece);
      text = pieces.join("");
    }
    files[part.name] = [strToU8(text), options];
  }
  return zipSync(files);
}
