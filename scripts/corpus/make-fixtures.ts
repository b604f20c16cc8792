/**
 * Builds the corpus fixtures of issue 11 into fixtures/corpus/<name>.docx (or .doc).
 *
 *   npx tsx scripts/corpus/make-fixtures.ts            # all of them
 *   npx tsx scripts/corpus/make-fixtures.ts name …     # only these
 *
 * Three writers, so the reader meets each kind of file: the `docx` npm library (true w:vMerge / w:gridSpan
 * as Word writes them); LibreOffice Writer converting HTML built by scripts/corpus/html/*.ts (rowspan /
 * colspan); and LibreOffice saving that HTML as a legacy Word 97 .doc. The .docx outputs pass through
 * normaliseDocx, so a rerun gives byte-identical files; a .doc is an OLE2 file LibreOffice stamps with
 * the time, so only its content is reproducible. The tests read the committed files and need no writer.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { normaliseDocx } from "../variants/normalise-docx.js";
import { CORPUS } from "./registry.js";

const OUT = fileURLToPath(new URL("../../fixtures/corpus/", import.meta.url));

/** Converts an HTML page with LibreOffice Writer (private profile) and returns the output's bytes. */
function convertHtml(html: string, target: "docx" | "doc"): Buffer {
  const work = mkdtempSync(join(tmpdir(), "jixiao-corpus-"));
  try {
    const source = join(work, "source.html");
    writeFileSync(source, html);
    const outdir = join(work, "out");
    const filter = target === "docx" ? "docx:MS Word 2007 XML" : "doc:MS Word 97";
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`,
        "--headless",
        "--infilter=HTML (StarWriter)",
        "--convert-to",
        filter,
        "--outdir",
        outdir,
        source,
      ],
      { stdio: ["ignore", "pipe", "pipe"], timeout: 180_000 },
    );
    const output = join(outdir, `source.${target}`);
    if (!existsSync(output)) throw new Error(`LibreOffice wrote no ${output}`);
    return readFileSync(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(names: readonly string[]): Promise<void> {
  const unknown = names.filter((n) => !(n in CORPUS));
  if (unknown.length > 0)
    throw new Error(`unknown fixture(s): ${unknown.join(", ")}; known: ${Object.keys(CORPUS).join(", ")}`);
  mkdirSync(OUT, { recursive: true });
  for (const name of names.length > 0 ? names : Object.keys(CORPUS)) {
    const writer = CORPUS[name]!;
    let bytes: Buffer;
    let file: string;
    if (writer.kind === "docx") {
      bytes = await normaliseDocx(await writer.build());
      file = `${name}.docx`;
    } else if (writer.kind === "libreoffice") {
      bytes = await normaliseDocx(convertHtml(writer.html(), "docx"));
      file = `${name}.docx`;
    } else {
      bytes = convertHtml(writer.html(), "doc");
      file = `${name}.doc`;
    }
    writeFileSync(join(OUT, file), bytes);
    const sha = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    console.log(
      `${file.padEnd(48)} ${writer.kind.padEnd(16)} ${String(bytes.length).padStart(7)} bytes  sha256 ${sha}…`,
    );
  }
}

await main(process.argv.slice(2));
