import { Readable, type Writable } from "node:stream";
import { ZipFile } from "yazl";
import { packageParts, type SheetSpec, type WorkbookProps } from "./xlsx-parts.js";

export type { SheetSpec, WorkbookProps };

/**
 * A streaming .xlsx writer: the parts of xlsx-parts.ts zipped by yazl, one sheet after another. Each sheet's XML
 * is generated from its rows as the zip asks for it (a lazy stream per entry), so backpressure reaches the row
 * source and memory does not grow with the sheet.
 */

/** Characters of XML gathered before a chunk is handed to the zip. */
const CHUNK = 64 * 1024;

/** Writes the sheets as an .xlsx into `out` and resolves when the zip has been written. */
export async function writeXlsx(out: Writable, sheets: readonly SheetSpec[], props: WorkbookProps): Promise<void> {
  const zip = new ZipFile();
  const options = { mtime: props.date };
  const finished = new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(out);
    zip.outputStream.once("error", reject);
    out.once("error", reject);
    out.once("finish", resolve);
  });
  finished.catch(() => undefined);
  const text = (s: string) => Buffer.from(s, "utf8");
  for (const part of packageParts(sheets, props)) {
    if (part.kind === "text") zip.addBuffer(text(part.text), part.name, options);
    else if (part.kind === "sheet")
      zip.addReadStreamLazy(part.name, options, (open) => open(null, Readable.from(chunked(part.xml))));
    // Read only when its turn comes, after every sheet.
    else zip.addReadStreamLazy(part.name, options, (open) => open(null, Readable.from([text(part.text())])));
  }
  zip.end();
  await finished;
}

/** Joins small strings into chunks of about `CHUNK` characters, as UTF-8 buffers. */
async function* chunked(parts: AsyncIterable<string>): AsyncGenerator<Buffer> {
  let pending = "";
  for await (const part of parts) {
    pending += part;
    if (pending.length >= CHUNK) {
      yield Buffer.from(pending, "utf8");
      pending = "";
    }
  }
  if (pending !== "") yield Buffer.from(pending, "utf8");
}
