// Runs the built per-document path in process over some documents, for a CPU profile of where its time goes:
//
//   npm run build
//   node --cpu-prof --cpu-prof-dir=out/profile bench/profile-pipeline.mjs [--after-read] [--repeat N] file.docx…
//   npx tsx bench/cpuprofile-summary.ts out/profile/CPU.*.cpuprofile
//
// Plain JavaScript on purpose: run under tsx, the profile would show its transform's helpers.
// --after-read converts every document with mammoth once, before the profiled loop, and then times only what
// comes after reading (processHtml and the three renderers); without it, each repeat is extractBuffer + render.
import { readFile } from "node:fs/promises";
import { defaultConfig, extractBuffer, processHtml, readDocument, renderers } from "../dist/index.js";
import { sha256 } from "../dist/source.js";

const args = process.argv.slice(2);
const afterRead = args.includes("--after-read");
const repeatAt = args.indexOf("--repeat");
const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 10;
const files = args.filter((a, i) => !a.startsWith("--") && i !== repeatAt + 1);
const config = defaultConfig();
const inputs = [];
for (const path of files) {
  const bytes = await readFile(path);
  inputs.push({ path, bytes, html: afterRead ? (await readDocument(bytes)).value.html : null });
}
const started = performance.now();
for (let i = 0; i < repeat; i++) {
  for (const { path, bytes, html } of inputs) {
    const doc =
      html === null
        ? await extractBuffer(bytes, path, { config })
        : processHtml(html, { path, sha256: sha256(bytes), format: "docx" }, config);
    for (const render of Object.values(renderers)) render(doc);
  }
}
process.stderr.write(
  `${repeat} × ${inputs.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
