/**
 * Year over year end to end (issue 15): a batch over fixtures/trends/ (two departments over three years, one
 * with a single year) writes trends.json, trends.html and the 历年对比 sheet, linked from index.html; the
 * sheet reads back with the same rows as trends.json; trends.html opens in Chromium without console errors and
 * its chart shows each year's budget, as planted in scripts/trends/make-fixtures.ts (summed here by hand).
 * `jixiao trends <folder>` writes the same report from the batch's document JSONs.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { TREND_COLUMNS } from "../../src/batch/rows.js";
import { type TrendsReport, TrendsReportSchema } from "../../src/trends/schema.js";
import { canBrowse, launchChromium } from "../helpers/browser.js";
import { cli } from "../helpers/cli.js";
import { FIXTURES } from "../helpers/fixtures.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

/** Each year's budget total in 元: the sum of the projects' 预算数 planted in the fixtures. */
const BUDGETS: Record<string, Record<number, number>> = {
  玉泉县商务局本级: {
    2023: 250_000 + 100_000 + 34_000,
    2024: 400_000 + 110_000 + 34_000,
    2025: 400_000 + 110_000 + 500_000,
  },
  丰润区农业农村局本级: {
    2023: 300_000 + 500_000 + 200_000,
    2024: 300_000 + 550_000 + 800_000,
    2025: 320_000 + 550_000 + 800_000,
  },
};

async function sheetRows(path: string, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(TREND_COLUMNS.map((_, i) => values[i] ?? null));
  });
  return rows;
}

/** The 历年对比 row a change should give, from trends.json. */
function expectedRow(c: TrendsReport["changes"][number]): unknown[] {
  const severity = { error: "错误", warning: "警告", info: "提示" }[c.severity];
  return [
    `${c.department.code ?? ""}${c.department.name}`,
    c.project.code,
    c.project.name,
    c.indicator,
    c.rule,
    c.title,
    severity,
    c.years[0],
    c.years[1],
    c.from,
    c.to,
    c.message,
    c.evidence.earlier.document,
    c.evidence.later.document,
  ];
}

describe("year over year in a batch", () => {
  let out: string;
  let report: TrendsReport;

  beforeAll(async () => {
    out = await temp("jixiao-trends-out-");
    // The batch runs in a child process as users run it: its worker threads load the TypeScript through tsx.
    const result = await cli(join(FIXTURES, "trends"), "-o", out, "--jobs", "1", "--quiet");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    report = TrendsReportSchema.parse(JSON.parse(await readFile(join(out, "trends.json"), "utf8")));
  }, 300_000);

  it("writes trends.json with both departments of several years and their changes", () => {
    expect(report.departments.map((d) => d.department.name).sort()).toEqual(Object.keys(BUDGETS).sort());
    expect(report.changes.length).toBeGreaterThan(0);
  });

  it("writes a 历年对比 sheet that reads back with the same rows as trends.json", async () => {
    const rows = await sheetRows(join(out, "batch.xlsx"), "历年对比");
    expect(rows[0]).toEqual([...TREND_COLUMNS]);
    expect(rows.slice(1)).toEqual(report.changes.map(expectedRow));
  });

  it("links trends.html from index.html", async () => {
    const index = await readFile(join(out, "index.html"), "utf8");
    expect(index).toContain('href="trends.html"');
  });

  it("writes the same report with `jixiao trends <folder>`, and trends.xlsx with the same rows", async () => {
    const elsewhere = await temp("jixiao-trends-cmd-");
    const result = await cli("trends", out, "-o", elsewhere);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("2 个单位");
    const again = TrendsReportSchema.parse(JSON.parse(await readFile(join(elsewhere, "trends.json"), "utf8")));
    expect(again).toEqual(report);
    expect((await sheetRows(join(elsewhere, "trends.xlsx"), "历年对比")).slice(1)).toEqual(
      report.changes.map(expectedRow),
    );
  }, 120_000);

  it("exits 2 for a folder that does not exist", async () => {
    const result = await cli("trends", join(out, "no-such-folder"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no such folder");
  }, 60_000);

  it.runIf(canBrowse)(
    "trends.html opens in Chromium without console errors and charts each year's budget",
    async () => {
      const browser: Browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        const problems: string[] = [];
        const requests: string[] = [];
        page.on("console", (m) => {
          if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
        });
        page.on("pageerror", (e) => problems.push(e.message));
        page.on("request", (r) => requests.push(r.url()));
        await page.goto(pathToFileURL(join(out, "trends.html")).href);

        for (const [name, budgets] of Object.entries(BUDGETS)) {
          const section = page.locator(`section.department[data-department="${name}"]`);
          const bars = section.locator("svg.chart g.bar");
          expect(await bars.count()).toBe(3);
          const heights: number[] = [];
          for (const [year, budget] of Object.entries(budgets)) {
            const bar = section.locator(`svg.chart g.bar[data-year="${year}"]`);
            expect(Number(await bar.getAttribute("data-budget"))).toBe(budget);
            expect(await bar.locator("text.value").textContent()).toBe(`${budget / 10_000}万元`);
            heights.push((await bar.locator("rect").boundingBox())!.height);
          }
          // Bars are drawn to scale: the tallest is the largest budget, each in proportion to it.
          const values = Object.values(budgets);
          const max = Math.max(...values);
          const tallest = Math.max(...heights);
          for (const [i, v] of values.entries()) expect(heights[i]! / tallest).toBeCloseTo(v / max, 2);
        }
        // Changed targets are highlighted in the projects' tables.
        expect(await page.locator("td.lowered").count()).toBe(
          report.changes.filter((c) => c.rule === "trend-target-lowered").length,
        );
        expect(await page.locator("td.raised").count()).toBe(
          report.changes.filter((c) => c.rule === "trend-target-raised").length,
        );
        await page.screenshot({ path: join(out, "trends.png"), fullPage: true });
        expect(problems).toEqual([]);
        expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
