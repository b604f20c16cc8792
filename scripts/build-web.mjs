/**
 * Builds dist/web/jixiao.html: the web page as one self-contained file (issue 18). The worker (src/web/worker.ts:
 * the core pipeline) and the page (src/web/page.ts) are bundled for the browser by esbuild; the worker's code is
 * inlined into the page's as a string (started from a Blob URL, which works from file://), the page's code into
 * src/web/page.html. Nothing is fetched at run time. Run as a script (`npm run build` chains it after
 * scripts/build.mjs), it rebuilds only when a file it reads is newer than the page (`--force` rebuilds anyway); it
 * fails when the file grows past its budget. esbuild only strips types: `npm run typecheck` checks src/web.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleForBrowser, ROOT } from "./web-bundle.mjs";

/** The page's size budget (issue 18). */
export const MAX_BYTES = 3 * 1024 * 1024;

/** Where `npm run build` writes the page (and `jixiao web` copies it from). */
export const WEB_PAGE = join(ROOT, "dist", "web", "jixiao.html");

/** Bundles the page into one HTML file at `out`; returns its size in bytes. */
export async function buildWebPage(out = WEB_PAGE) {
  const worker = (await bundleForBrowser("src/web/worker.ts")).outputFiles[0].text;
  const page = (await bundleForBrowser("src/web/page.ts", { define: { __WORKER_SOURCE__: JSON.stringify(worker) } }))
    .outputFiles[0].text;
  // Inside <script>, `</script` ends the element and `<!--` … `<script` would keep it from ending: both are written
  // with an escape that means the same character in a string, a template and a regular expression alike.
  const script = page.replace(/<\/(script)/giu, "<\\/$1").replace(/<!--/gu, "<\\x21--");
  const shell = readFileSync(join(ROOT, "src/web/page.html"), "utf8");
  const html = shell.replace("/*JIXIAO_SCRIPT*/", () => script);
  const bytes = Buffer.byteLength(html);
  if (bytes > MAX_BYTES) throw new Error(`${out} is ${bytes} bytes, over its budget of ${MAX_BYTES}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return bytes;
}

/** The newest modification time of the files the page is built from. */
function newestInput() {
  const files = ["package-lock.json", "scripts/build-web.mjs", "scripts/web-bundle.mjs"].map((f) => join(ROOT, f));
  for (const dir of ["src", "config"])
    for (const name of readdirSync(join(ROOT, dir), { recursive: true })) files.push(join(ROOT, dir, String(name)));
  return Math.max(...files.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const force = process.argv.includes("--force");
  if (force || !existsSync(WEB_PAGE) || statSync(WEB_PAGE).mtimeMs < newestInput()) {
    const bytes = await buildWebPage();
    process.stdout.write(`dist/web/jixiao.html: ${(bytes / 1024 / 1024).toFixed(2)} MB\n`);
  }
}
