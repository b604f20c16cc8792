/**
 * The batch's year-over-year outputs from documents built as records: written when two years of one department
 * are present (trends.json, trends.html, the 历年对比 sheet, the link on index.html), removed again when a later
 * build has nothing to compare, and shaped by the configuration's trends section.
 */
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { TREND_FILES } from "../../src/batch/index-page.js";
import { writeBatchOutputs } from "../../src/batch/outputs.js";
import type { DocumentSummary } from "../../src/batch/types.js";
import { parseConfig } from "../../src/config/index.js";
import { DocumentSchema, type JixiaoDocument, SCHEMA_VERSION } from "../../src/model/schema.js";
import { TrendsReportSchema } from "../../src/trends/schema.js";
import { tableIndicator, tableProject } from "../helpers/model-builders.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

function document(year: number, rate: string): JixiaoDocument {
  return DocumentSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { path: `${year}.docx`, sha256: String(year).repeat(16), format: "docx" },
    sheets: null,
    department: { code: "304001", name: "某某局本级" },
    departmentAt: { table: 0, row: 0, col: 0 },
    year: { value: year, from: "text", text: `${year}年我单位需安排专项项目支出`, at: { paragraph: 5, seq: null } },
    moneyUnit: "元",
    warnings: [],
    projects: [
      tableProject({
        name: "招商经费",
        code: "P001",
        total: 250_000,
        goals: [`${year}年开展招商推介。`],
        indicators: [tableIndicator({ level2: "质量指标", level3: "任务完成率", value: rate })],
      }),
    ],
    narrative: null,
    links: [],
    findings: [],
    completeness: { status: "complete", reasons: [] },
    error: null,
  });
}

function summary(doc: JixiaoDocument): DocumentSummary {
  return {
    source: doc.source.path,
    sha256: doc.source.sha256,
    status: "ok",
    error: null,
    department: "304001某某局本级",
    projects: 1,
    indicators: 1,
    findings: { error: 0, warning: 0, info: 0 },
    warnings: 0,
    unchecked: [],
    completeness: "complete",
    completenessReasons: [],
    outputs: { json: `${doc.source.path}.json`, markdown: "x.md", html: "x.html" },
  };
}

async function build(dir: string, docs: readonly JixiaoDocument[], configText = ""): Promise<void> {
  const bySource = new Map(docs.map((d) => [d.source.path, d]));
  await writeBatchOutputs(dir, docs.map(summary), async (s) => bySource.get(s.source)!, {
    config: parseConfig(configText),
  });
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function sheetNames(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((s) => s.name);
}

describe("batch outputs: year over year", () => {
  it("writes trends.json, trends.html and the 历年对比 sheet for two years, and removes them when one is left", async () => {
    const dir = await temp("jixiao-batch-trends-");
    await build(dir, [document(2024, "≥95%"), document(2025, "≥90%")]);
    const report = TrendsReportSchema.parse(JSON.parse(await readFile(join(dir, TREND_FILES.json), "utf8")));
    expect(report.changes.map((c) => [c.rule, c.from, c.to, c.years])).toEqual([
      ["trend-target-lowered", "≥95%", "≥90%", [2024, 2025]],
    ]);
    expect(await readFile(join(dir, TREND_FILES.html), "utf8")).toContain("某某局本级");
    expect(await readFile(join(dir, "index.html"), "utf8")).toContain(`href="${TREND_FILES.html}"`);
    expect(await sheetNames(join(dir, "batch.xlsx"))).toContain("历年对比");

    await build(dir, [document(2025, "≥90%")]);
    expect(await exists(join(dir, TREND_FILES.json))).toBe(false);
    expect(await exists(join(dir, TREND_FILES.html))).toBe(false);
    expect(await readFile(join(dir, "index.html"), "utf8")).not.toContain(TREND_FILES.html);
    expect(await sheetNames(join(dir, "batch.xlsx"))).not.toContain("历年对比");
  });

  it("takes the trend rules' settings from the configuration", async () => {
    const dir = await temp("jixiao-batch-trends-");
    await build(
      dir,
      [document(2024, "≥95%"), document(2025, "≥90%")],
      "trends:\n  trend-target-lowered: { severity: error }\n",
    );
    const report = TrendsReportSchema.parse(JSON.parse(await readFile(join(dir, TREND_FILES.json), "utf8")));
    expect(report.changes.map((c) => c.severity)).toEqual(["error"]);
  });
});
