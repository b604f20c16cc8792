import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Manifest, ManifestSchema } from "../src/batch/manifest.js";
import { DocumentSchema, type JixiaoDocument } from "../src/model/schema.js";
import { type BadInput, buildBadInputs } from "./helpers/bad-inputs.js";
import { cli } from "./helpers/cli.js";
import { diffExpected, formatDifferences } from "./helpers/compare.js";
import { canRead, FIXTURES, golden, REFERENCE_FIXTURES } from "./helpers/fixtures.js";
import { tempFolders } from "./helpers/temp.js";

/** Temporary folders of this file, removed when it is done. */
const temp = tempFolders();

const SEED = 20_250_901;
const fixtures = REFERENCE_FIXTURES.filter(canRead);
const key = golden<{ projects: unknown[] }>("yutian-commerce-2025.extraction.json");

/** A line of an uncaught exception on stderr: `TypeError: …` or a stack frame `    at f (file:1:2)`. */
const UNHANDLED = /^(\w*Error(?: \[\w+\])?: |\s+at .+:\d+:\d+\)?$)/m;

describe("a batch over a folder of renamed, damaged, encrypted and hostile files", () => {
  let input: string;
  let out: string;
  let inputs: BadInput[];
  let run: Awaited<ReturnType<typeof cli>>;
  let manifest: Manifest;
  const docs = new Map<string, JixiaoDocument>();

  beforeAll(async () => {
    input = await temp("jixiao-bad-in-");
    out = await temp("jixiao-bad-out-");
    inputs = await buildBadInputs(input, SEED);
    for (const f of fixtures) await copyFile(join(FIXTURES, f), join(input, f));
    run = await cli(input, "-o", out, "--jobs", "2", "--timeout", "60", "-q");
    manifest = ManifestSchema.parse(JSON.parse(await readFile(join(out, "manifest.json"), "utf8")));
    for (const source of Object.keys(manifest.entries)) {
      docs.set(source, DocumentSchema.parse(JSON.parse(await readFile(join(out, `${source}.json`), "utf8"))));
    }
  }, 240_000);

  const processed = () => [...inputs.filter((i) => !i.skipped).map((i) => i.file), ...fixtures].sort();

  it("builds at least 60 bad inputs of every class, the same bytes from the same seed", async () => {
    expect(inputs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(inputs.map((i) => i.kind)).size).toBe(21);
    const again = await temp("jixiao-bad-again-");
    const second = await buildBadInputs(again, SEED);
    expect(second).toEqual(inputs);
    for (const i of inputs.filter((x) => x.kind === "byte-flip" || x.kind === "doctype").slice(0, 5)) {
      expect(await readFile(join(again, i.file))).toEqual(await readFile(join(input, i.file)));
    }
  });

  it("finishes with exit code 1 and no unhandled exception", () => {
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(UNHANDLED);
  });

  it("accounts for every input: one manifest entry and one JSON per input; the ~$ lock file is skipped with a note", () => {
    expect(Object.keys(manifest.entries).sort()).toEqual(processed());
    expect([...docs.keys()].sort()).toEqual(processed());
    for (const skipped of inputs.filter((i) => i.skipped)) {
      expect(run.stderr).toContain(`已跳过 ${join(input, skipped.file)}：Word 锁定文件`);
      expect(manifest.entries[skipped.file]).toBeUndefined();
    }
    for (const [source, entry] of Object.entries(manifest.entries)) {
      const doc = docs.get(source)!;
      expect(entry.status, source).toBe(doc.error === null ? "ok" : "failed");
      expect(entry.error, source).toEqual(doc.error);
      // A failed input is named on stderr with its reason.
      if (doc.error) expect(run.stderr).toContain(`jixiao: ${source}: ${doc.error.message}`);
    }
  });

  it("gives each class its stable error code (or reads it)", () => {
    const wrong = inputs
      .filter((i) => !i.skipped)
      .map((i) => ({ ...i, actual: docs.get(i.file)?.error?.code ?? "ok" }))
      .filter((i) => !i.expected.includes(i.actual))
      .map(
        (i) =>
          `${i.file} (${i.about}): expected ${i.expected.join(" | ")}, got ${i.actual} — ${docs.get(i.file)?.error?.message ?? ""}`,
      );
    expect(wrong, wrong.join("\n")).toEqual([]);
    // Every refusal says what it was in Chinese and in English.
    for (const doc of docs.values())
      if (doc.error) expect(doc.error.message).toMatch(/[\u4e00-\u9fff].*\(.*[A-Za-z].*\)/su);
  });

  it("still extracts the good fixtures, and the .doc named .docx, field by field", () => {
    for (const source of [
      ...fixtures,
      ...inputs.filter((i) => i.kind === "legacy-renamed" || i.kind === "docx-renamed").map((i) => i.file),
    ]) {
      const doc = docs.get(source)!;
      expect(doc.error, source).toBeNull();
      expect(doc.projects, source).toHaveLength(4);
      expect(
        doc.projects.flatMap((p) => p.indicators),
        source,
      ).toHaveLength(38);
      const differences = diffExpected(key.projects, doc.projects, "$.projects");
      expect(differences, `${source}\n${formatDifferences(differences)}`).toEqual([]);
    }
  });

  it("lists every input on the batch page, failed ones with their error code", async () => {
    const index = await readFile(join(out, "index.html"), "utf8");
    expect(index.match(/<tr data-source=/g)).toHaveLength(processed().length);
    const failed = [...docs.values()].filter((d) => d.error !== null);
    expect(index.match(/data-status="failed"/g)).toHaveLength(failed.length);
    const ndjson = (await readFile(join(out, "documents.ndjson"), "utf8")).trim().split("\n");
    expect(ndjson).toHaveLength(processed().length);
  });

  it("refuses, with --max-unzipped, a document declaring more than the limit", async () => {
    const result = await cli(
      "extract",
      join(FIXTURES, "yutian-commerce-2025.docx"),
      "--stdout",
      "--max-unzipped",
      "0.5",
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("(The zip would expand beyond the limit; refused.) (> 0.5 MB:");
  });
});
