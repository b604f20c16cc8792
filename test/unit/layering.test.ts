/**
 * The layering the README promises, checked on the source: the library (everything but the CLI and batch shells)
 * never touches `process` or the console; the pipeline stages import no Node module and never the API module
 * above them; the shared text helpers are not taken from another stage.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src/", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const FILES = sources(SRC).map((path) => ({ name: relative(SRC, path), text: readFileSync(path, "utf8") }));
const SHELLS = /^(cli|batch)\//u;
const STAGES = /^(grid|extract|normalise|narrative|reconcile|render|model)\//u;
/** Code without its comments, so prose about `process` does not count. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//gu, "").replace(/^\s*\/\/.*$/gmu, "");
const offending = (test: (file: { name: string; text: string }) => boolean) => FILES.filter(test).map((f) => f.name);

describe("layering", () => {
  it("keeps process and the console out of the library", () => {
    expect(offending((f) => !SHELLS.test(f.name) && /\b(process|console)\./u.test(code(f.text)))).toEqual([]);
  });

  it("keeps Node modules and the API module out of the pipeline stages", () => {
    expect(offending((f) => STAGES.test(f.name) && /from "node:/u.test(f.text))).toEqual([]);
    expect(offending((f) => STAGES.test(f.name) && /from "(\.\.\/)+api\.js"/u.test(f.text))).toEqual([]);
  });

  it("takes the shared text helpers from src/text.ts, not from another stage", () => {
    const imports = /import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/gu;
    const helper = /\b(labelKey|moneyUnitFactors|foldName|foldSpaces)\b/u;
    const elsewhere = (text: string) =>
      [...text.matchAll(imports)].some(([, names, from]) => helper.test(names ?? "") && !from?.endsWith("/text.js"));
    expect(offending((f) => elsewhere(f.text))).toEqual([]);
  });

  it("makes the tests' temporary folders through tempFolders(), which removes them", () => {
    const TEST = new URL("../", import.meta.url).pathname;
    const tests = sources(TEST).filter((path) => !path.endsWith(join("helpers", "temp.ts")));
    const stray = tests.filter((path) => /\bmkdtemp(Sync)?\(/u.test(code(readFileSync(path, "utf8"))));
    expect(stray.map((path) => relative(TEST, path))).toEqual([]);
  });
});
