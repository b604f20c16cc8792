/**
 * Spreadsheet 申报表 (issue 16): each answer key test/spreadsheets/<name>.expected.json, written by hand from the
 * data in scripts/spreadsheets/make-fixtures.ts, is checked against both fixtures/spreadsheets/<name>.xlsx
 * (exceljs) and its LibreOffice re-save <name>.xls. `projects` is compared with diffExpected (only the keys the
 * key has); `sheets` (each table's worksheet and first sheet row) exactly; `at` pins where an indicator was read;
 * `warnings` lists codes that must be among the document's warnings.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CellRef, Department, SheetTable } from "../src/model/schema.js";
import { diffExpected, formatDifferences } from "./helpers/compare.js";
import { canRead, extractFixture } from "./helpers/fixtures.js";

const KEYS = fileURLToPath(new URL("./spreadsheets/", import.meta.url));
const SUFFIX = ".expected.json";

interface SpreadsheetKey {
  readonly about: string;
  readonly projects: unknown;
  readonly sheets: readonly SheetTable[];
  readonly department?: Department;
  readonly warnings?: readonly string[];
  readonly at?: readonly { project: number; level3: string; at: CellRef }[];
}

const names = readdirSync(KEYS)
  .filter((f) => f.endsWith(SUFFIX))
  .map((f) => f.slice(0, -SUFFIX.length))
  .sort();

const cases = names.flatMap((name) => [
  { name, fixture: `spreadsheets/${name}.xlsx`, format: "xlsx" },
  { name, fixture: `spreadsheets/${name}.xls`, format: "xls" },
]);

it("has at least three spreadsheet layouts, each as .xlsx and .xls", () => {
  expect(names.length).toBeGreaterThanOrEqual(3);
});

describe.each(cases)("$fixture", ({ name, fixture, format }) => {
  const key = JSON.parse(readFileSync(`${KEYS}${name}${SUFFIX}`, "utf8")) as SpreadsheetKey;

  it.runIf(canRead(fixture))("gives its answer key", { timeout: 240_000 }, async () => {
    const doc = await extractFixture(fixture);
    expect(doc.error).toBeNull();
    expect(doc.source.format).toBe(format);
    const differences = diffExpected(key.projects, doc.projects, "$.projects");
    expect(differences, formatDifferences(differences)).toEqual([]);
    expect(doc.sheets).toEqual(key.sheets);
    if (key.department) expect(doc.department).toEqual(key.department);
    // A workbook has no Part 1: the document says its cross-checks could not run.
    expect(doc.completeness.status).toBe("partial");
    expect(doc.completeness.reasons.map((r) => r.code)).toContain("no-part1");
    const codes = doc.warnings.map((w) => w.code);
    for (const code of key.warnings ?? []) expect(codes).toContain(code);
    for (const pin of key.at ?? []) {
      const indicator = doc.projects[pin.project]?.indicators.find((i) => i.level3 === pin.level3);
      expect(indicator?.at).toEqual(pin.at);
    }
  });
});
