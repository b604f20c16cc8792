// The bench's baseline process (bench/run.ts): converts each file named on the command line with
// mammoth.convertToHtml, in turn, in one plain Node process (V8's default settings), with the options our reader
// passes (src/read/read.ts), and writes nothing. What a user would otherwise run: the fixed cost of starting Node
// and loading mammoth, then mammoth's own time per document.
import { readFile } from "node:fs/promises";
import mammoth from "mammoth";

const options = {
  convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
  externalFileAccess: false,
};
for (const path of process.argv.slice(2)) await mammoth.convertToHtml({ buffer: await readFile(path) }, options);
