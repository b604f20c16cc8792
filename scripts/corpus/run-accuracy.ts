/**
 * `npm run accuracy`: reads every fixture with an answer key (corpus, reference, variants) through the
 * library API and prints, per fixture, how much of its key the output matches (see accuracy.ts).
 *
 *   npm run accuracy                          # print the table
 *   npm run accuracy -- --write docs/accuracy.md   # also keep it in that file
 *   npm run accuracy -- --only corpus         # one group: corpus, reference or variant
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { allCases, formatReport, measure, totals } from "./accuracy.js";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const only = option("--only");
const cases = allCases().filter((c) => only === undefined || c.group === only);
const started = Date.now();
const scores = await measure(cases);
const report = formatReport(scores);
const t = totals(scores);
console.log(report);
console.log(
  `${t.fixtures} fixtures in ${((Date.now() - started) / 1000).toFixed(1)} s: rows ${t.rows.n}/${t.rows.m}, budgets ${t.budgets.n}/${t.budgets.m}, narrative ${t.narrative.n}/${t.narrative.m}, required findings ${t.required.n}/${t.required.m}, false alarms ${t.falseAlarms}, completeness ${t.completeness.n}/${t.completeness.m}`,
);
const out = option("--write");
/** Notes written by hand below the generated tables start at this heading and are kept on rewrite. */
const NOTES = "\n### What the runs show";

if (out) {
  const date = new Date().toISOString().slice(0, 10);
  const previous = existsSync(out) ? readFileSync(out, "utf8") : "";
  const notes = previous.includes(NOTES) ? previous.slice(previous.indexOf(NOTES)) : "";
  writeFileSync(
    out,
    `# Accuracy on the fixtures with answer keys\n\nThe output of \`npm run accuracy\` (${date}). Each fixture's answer key was written by hand from the document (see fixtures/README.md); a cell n/m counts what matched of what the key asks for, where extra output (rows, narrative indicators, projects) counts against. False alarms are error/warning findings under the audit rules that no key entry allows, plus any rule the key forbids.\n\n${report}${notes}`,
  );
  // The tables as Biome formats Markdown, so the written file passes `npm run lint` as it is.
  execFileSync("npx", ["biome", "format", "--write", out], { stdio: "ignore" });
  console.log(`wrote ${out}`);
}
