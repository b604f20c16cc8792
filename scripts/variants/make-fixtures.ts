/**
 * Builds the template-variant fixtures of issue 7 into fixtures/variants/<name>.docx.
 *
 *   npx tsx scripts/variants/make-fixtures.ts            # all variants
 *   npx tsx scripts/variants/make-fixtures.ts stacked …  # only these
 *
 * Two writers, so the reader meets both kinds of Word XML:
 * - the `docx` npm library (scripts/variants/docx/*.ts): true vertical merges (w:vMerge restart/continue)
 *   and column spans (w:gridSpan), as Word itself writes them;
 * - LibreOffice Writer, converting hand-written HTML (rowspan/colspan) or flat ODT XML
 *   (scripts/variants/sources/*) to .docx — needs `soffice` on the PATH.
 *
 * Every output passes through normaliseDocx, so a rerun gives byte-identical files (it prints their
 * sha256). The tests read the committed .docx files and need neither writer.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as chengbenFirst from "./docx/chengben-first.js";
import * as narrativeLists from "./docx/narrative-lists.js";
import * as shenbaobiao from "./docx/shenbaobiao.js";
import * as xingzhiDanweiQuanzhong from "./docx/xingzhi-danwei-quanzhong.js";
import * as zhongqiNiandu from "./docx/zhongqi-niandu.js";
import { normaliseDocx } from "./normalise-docx.js";

type Writer =
  | { readonly kind: "docx"; readonly build: () => Promise<Buffer> }
  | { readonly kind: "libreoffice"; readonly source: string };

const HERE = fileURLToPath(new URL(".", import.meta.url));
const SOURCES = join(HERE, "sources");
const OUT = fileURLToPath(new URL("../../fixtures/variants/", import.meta.url));

/** Every variant and how it is written, in the issue's order. */
export const VARIANTS: Readonly<Record<string, Writer>> = {
  shenbaobiao: { kind: "docx", build: shenbaobiao.build },
  "beizhu-placeholders": { kind: "libreoffice", source: "beizhu-placeholders.html" },
  "zhongqi-niandu": { kind: "docx", build: zhongqiNiandu.build },
  "zhibiao-neirong": { kind: "libreoffice", source: "zhibiao-neirong.html" },
  "xingzhi-danwei-quanzhong": { kind: "docx", build: xingzhiDanweiQuanzhong.build },
  stacked: { kind: "libreoffice", source: "stacked.fodt" },
  "chengben-first": { kind: "docx", build: chengbenFirst.build },
  "narrative-lists": { kind: "docx", build: narrativeLists.build },
  "bumen-zhengti": { kind: "libreoffice", source: "bumen-zhengti.html" },
};

/**
 * Converts a source file to .docx with LibreOffice in a private profile (so it neither needs nor
 * touches the user's) and returns the bytes. HTML is opened with the Writer filter, not Writer/Web.
 */
function convertWithLibreOffice(source: string): Buffer {
  const work = mkdtempSync(join(tmpdir(), "jixiao-variants-"));
  try {
    const profile = pathToFileURL(join(work, "profile")).href;
    const outdir = join(work, "out");
    const filter = extname(source) === ".html" ? ["--infilter=HTML (StarWriter)"] : [];
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        ...filter,
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        outdir,
        source,
      ],
      {
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 180_000,
      },
    );
    const output = join(outdir, `${basename(source, extname(source))}.docx`);
    if (!existsSync(output)) throw new Error(`LibreOffice wrote no ${output} for ${source}`);
    return readFileSync(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function make(writer: Writer): Promise<Buffer> {
  const raw = writer.kind === "docx" ? await writer.build() : convertWithLibreOffice(join(SOURCES, writer.source));
  return normaliseDocx(raw);
}

async function main(names: readonly string[]): Promise<void> {
  const unknown = names.filter((n) => !(n in VARIANTS));
  if (unknown.length > 0)
    throw new Error(`unknown variant(s): ${unknown.join(", ")}; known: ${Object.keys(VARIANTS).join(", ")}`);
  mkdirSync(OUT, { recursive: true });
  for (const name of names.length > 0 ? names : Object.keys(VARIANTS)) {
    const writer = VARIANTS[name]!;
    const bytes = await make(writer);
    writeFileSync(join(OUT, `${name}.docx`), bytes);
    const sha = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    console.log(
      `${`${name}.docx`.padEnd(32)} ${writer.kind === "docx" ? "docx library" : `LibreOffice ← ${writer.source}`}  ${bytes.length} bytes  sha256 ${sha}…`,
    );
  }
}

await main(process.argv.slice(2));
