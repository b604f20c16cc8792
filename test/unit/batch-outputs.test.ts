import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InOrder } from "../../src/batch/in-order.js";
import { renderIndexPage } from "../../src/batch/index-page.js";
import { writeBatchOutputs } from "../../src/batch/outputs.js";
import {
  DOCUMENT_COLUMNS,
  documentRow,
  FINDING_COLUMNS,
  findingRows,
  INDICATOR_COLUMNS,
  indicatorRows,
  PROJECT_COLUMNS,
  projectRows,
} from "../../src/batch/rows.js";
import type { DocumentSummary } from "../../src/batch/types.js";
import type { Finding, Indicator, JixiaoDocument, NarrativeIndicator, Project } from "../../src/model/schema.js";
import { DocumentSchema, SCHEMA_VERSION } from "../../src/model/schema.js";
import { parseIndicatorValue } from "../../src/normalise/value.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

function indicator(
  level2: string,
  level3: string,
  raw: string,
  at: { table: number; row: number },
  basis = "工作计划",
): Indicator {
  return {
    level1: "产出指标",
    level2,
    level3,
    description: level3,
    value: parseIndicatorValue(raw),
    basis,
    weight: null,
    direction: null,
    extra: {},
    at: { ...at, col: 4 },
  };
}

function project(
  code: string,
  name: string,
  budget: [number, number | null, number | null],
  table: number,
  indicators: Indicator[],
): Project {
  const [total, fiscal, other] = budget;
  return {
    kind: "project",
    title: `${name}绩效目标表`,
    department: "示例局本级",
    unit: "元",
    code,
    name,
    budget: { total, fiscal, other, superior: null, midTermTotal: null, derived: [], notes: {} },
    purpose: null,
    spendPlan: [],
    goals: [],
    longTermGoals: [],
    indicators,
    midTermIndicators: [],
    weightTotal: null,
    duties: [],
    tables: { header: table, indicators: table + 1 },
    locations: { code: { table, row: 0, col: 1 }, name: { table, row: 0, col: 3 } },
  };
}

function sentence(seq: number, level3: string, raw: string): NarrativeIndicator {
  return {
    seq,
    level1: "产出指标",
    level2: "数量指标",
    level3,
    description: null,
    value: parseIndicatorValue(raw),
    inferred: [],
    at: { paragraph: 12, seq },
    sentence: `${seq}.产出指标--数量指标--${level3}，指标值：${raw}；`,
  };
}

const tax = indicator("经济效益指标", "税收增长率", "≥20%", { table: 3, row: 5 });
const events = indicator("数量指标", "推介活动次数", "≥4次", { table: 3, row: 6 }, "=SUM(A1:A9)");
const ratio = indicator("质量指标", "补助发放率", "100%", { table: 5, row: 1 });
const taxSentence = sentence(1, "税收增长率", "≥70%");

const docA: JixiaoDocument = DocumentSchema.parse({
  schemaVersion: SCHEMA_VERSION,
  source: { path: "甲局.docx", sha256: "a".repeat(64), format: "docx" },
  sheets: null,
  department: { code: "304001", name: "甲局本级" },
  departmentAt: null,
  year: null,
  moneyUnit: "元",
  warnings: [],
  projects: [
    project("P001", "招商经费", [250000, 250000, null], 2, [tax, events]),
    project("P002", "残疾人保障金", [34000.5, 30000, 4000.5], 4, [ratio]),
  ],
  narrative: {
    totalBudget: 284000.5,
    totalAt: { paragraph: 3, seq: null },
    listedProjects: [],
    projects: [
      {
        name: "招商经费",
        amount: 260000,
        listedAmount: 260000,
        declaredLevel1Count: 1,
        declaredIndicatorCount: 1,
        goal: null,
        indicators: [taxSentence],
        at: { paragraph: 10, seq: null },
      },
    ],
  },
  completeness: { status: "complete", reasons: [] },
  error: null,
  links: [
    { narrative: 0, table: 0, score: 1 },
    { narrative: null, table: 1, score: 0 },
  ],
  findings: [
    {
      rule: "budget-mismatch",
      category: "consistency",
      severity: "error",
      project: { code: "P001", name: "招商经费" },
      message: "项目“招商经费”的金额不一致：第一部分 260,000.00 元，表格 250,000.00 元。",
      narrative: null,
      table: null,
      at: null,
      params: {},
      group: 0,
    },
    {
      rule: "indicator-value-mismatch",
      category: "consistency",
      severity: "error",
      project: { code: "P001", name: "招商经费" },
      message: "指标“税收增长率”的指标值不一致。",
      narrative: { ...pick(taxSentence), text: taxSentence.sentence },
      table: { ...pick(tax), text: "产出指标 | 经济效益指标 | 税收增长率 | ≥20%" },
      at: null,
      params: {},
      group: 1,
    },
    {
      rule: "project-missing-in-narrative",
      category: "consistency",
      severity: "warning",
      project: { code: "P002", name: "残疾人保障金" },
      message: "表格中的项目“残疾人保障金”在第一部分没有提到。",
      narrative: null,
      table: null,
      at: null,
      params: {},
      group: 2,
    },
  ] satisfies Finding[],
});

const docB: JixiaoDocument = DocumentSchema.parse({
  schemaVersion: SCHEMA_VERSION,
  source: { path: "乙局 #2.docx", sha256: "b".repeat(64), format: "doc" },
  sheets: null,
  department: { code: null, name: "乙局<本级>" },
  departmentAt: null,
  year: null,
  moneyUnit: "万元",
  warnings: [],
  projects: [
    project("P100", "培训经费", [10000, 10000, 0], 0, [
      indicator("时效指标", "完成及时率", "≥95%", { table: 1, row: 2 }),
    ]),
  ],
  narrative: null,
  completeness: { status: "partial", reasons: [{ code: "no-part1", message: "没有找到第一部分。", at: null }] },
  error: null,
  links: [],
  findings: [
    {
      rule: "indicator-missing-in-narrative",
      category: "consistency",
      severity: "info",
      project: { code: "P100", name: "培训经费" },
      message: "表格的指标“完成及时率”在第一部分没有提到。",
      narrative: null,
      table: { ...pick(indicator("时效指标", "完成及时率", "≥95%", { table: 1, row: 2 })), text: null },
      at: null,
      params: {},
      group: 0,
    },
  ] satisfies Finding[],
});

function pick(i: Indicator | NarrativeIndicator) {
  const { level1, level2, level3, description, value, at } = i;
  return { level1, level2, level3, description, value, at };
}

function summarize(source: string, doc: JixiaoDocument, unchecked: string[] = []): DocumentSummary {
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of doc.findings) findings[f.severity]++;
  const base = source.replace(/\.docx?$/u, "");
  return {
    source,
    sha256: doc.source.sha256,
    status: "ok",
    error: null,
    department: doc.department?.name ?? null,
    projects: doc.projects.length,
    indicators: doc.projects.reduce((n, p) => n + p.indicators.length, 0),
    findings,
    warnings: doc.warnings.length,
    unchecked,
    completeness: doc.completeness.status,
    completenessReasons: doc.completeness.reasons.map((r) => r.message),
    outputs: { json: `${base}.json`, markdown: `${base}.report.md`, html: `${base}.report.html` },
  };
}

const failed: DocumentSummary = {
  source: "坏文件<1>.docx",
  sha256: "c".repeat(64),
  status: "failed",
  error: { code: "not-a-word-document", message: "不是 Word 文档：<script>alert(1)</script>" },
  department: null,
  projects: 0,
  indicators: 0,
  findings: { error: 0, warning: 0, info: 0 },
  warnings: 0,
  unchecked: [],
  completeness: "unread",
  completenessReasons: ["文档无法读取：不是 Word 文档（The document could not be read.）"],
  outputs: null,
};

const entries: DocumentSummary[] = [
  summarize("甲局.docx", docA),
  failed,
  summarize("子目录/乙局 #2.docx", docB, ["没有读到第一部分（文字说明）中的项目指标"]),
];
const docs = new Map<string, JixiaoDocument>([
  ["甲局.docx", docA],
  ["子目录/乙局 #2.docx", docB],
]);
const counts = { documents: 3, projects: 3, indicators: 4, findings: 4 };

let dir = "";
const loaded: string[] = [];
const load = async (summary: DocumentSummary): Promise<JixiaoDocument> => {
  loaded.push(summary.source);
  const doc = docs.get(summary.source);
  if (!doc) throw new Error(`no document ${summary.source}`);
  return doc;
};
const read = (name: string, at = dir): Promise<string> => readFile(join(at, name), "utf8");
const csvLines = (text: string): string[] => text.replace(/\r\n$/u, "").split("\r\n");

beforeAll(async () => {
  dir = await temp("jixiao-batch-");
  await writeBatchOutputs(dir, entries, load);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("rows", () => {
  it("keep numbers as numbers and absent values as null", () => {
    const [p1, p2] = projectRows(entries[0]!, docA);
    expect(p1).toMatchObject({
      "预算数（元）": 250000,
      "其他资金（元）": null,
      "第一部分金额（元）": 260000,
      问题数: 2,
      位置: "表 3 第 1 行第 2 列",
    });
    expect(p2).toMatchObject({ "预算数（元）": 34000.5, "第一部分金额（元）": null, 问题数: 1 });
    const [first] = indicatorRows(entries[0]!, docA);
    expect(first).toMatchObject({
      指标值: "≥20%",
      运算符: "≥",
      数值: 20,
      上限: null,
      单位: "%",
      "定性/定量": "定量",
      表格: 4,
      行: 6,
      列: 5,
    });
  });

  it("give both sides of a finding with 1-based locations", () => {
    const row = findingRows(entries[0]!, docA)[1];
    expect(row).toMatchObject({
      规则: "指标值不一致",
      规则编号: "indicator-value-mismatch",
      类别: "一致性",
      严重程度: "错误",
      第一部分指标: "税收增长率",
      第一部分指标值: "≥70%",
      第一部分位置: "第 13 段第 1 条",
      第二部分指标值: "≥20%",
      第二部分位置: "表 4 第 6 行第 5 列",
    });
  });

  it("leave a failed document's counts empty and show its error", () => {
    expect(documentRow(failed)).toMatchObject({
      状态: "失败",
      失败原因: failed.error?.message,
      项目数: null,
      错误数: null,
    });
    expect(Object.keys(documentRow(entries[0]!))).toEqual([...DOCUMENT_COLUMNS]);
  });
});

describe("writeBatchOutputs", () => {
  it("loads each processed document once, in order, and no failed one", () => {
    expect(loaded).toEqual(["甲局.docx", "子目录/乙局 #2.docx"]);
  });

  it("leaves only the finished files in the folder", async () => {
    expect((await readdir(dir)).sort()).toEqual([
      "batch.xlsx",
      "documents.ndjson",
      "findings.csv",
      "index.html",
      "indicators.csv",
    ]);
  });

  it("writes a workbook with one sheet per table, frozen headers and filters", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "batch.xlsx"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["文档", "项目", "指标", "问题"]);
    expect(workbook.created.getTime()).toBe(0);
    const expected = [
      ["文档", DOCUMENT_COLUMNS, counts.documents],
      ["项目", PROJECT_COLUMNS, counts.projects],
      ["指标", INDICATOR_COLUMNS, counts.indicators],
      ["问题", FINDING_COLUMNS, counts.findings],
    ] as const;
    for (const [name, columns, rows] of expected) {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...columns]);
      expect(sheet.rowCount - 1).toBe(rows);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(columns.length).letter}${rows + 1}`);
      expect(sheet.getColumn(1).width).toBeGreaterThan(10);
      for (let r = 2; r <= rows + 1; r++) expect(typeof sheet.getRow(r).getCell(1).value).toBe("string");
    }
  });

  it("keeps numbers as numbers and absent values as empty cells", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "batch.xlsx"));
    const cell = (sheet: string, row: number, column: string): unknown => {
      const ws = workbook.getWorksheet(sheet);
      const index = ws?.getRow(1).values;
      const col = Array.isArray(index) ? index.indexOf(column) : -1;
      return ws?.getRow(row).getCell(col).value;
    };
    expect(cell("文档", 2, "项目数")).toBe(2);
    expect(cell("文档", 3, "状态")).toBe("失败");
    expect(cell("文档", 3, "失败原因")).toBe(failed.error?.message);
    expect(cell("文档", 4, "状态")).toBe("未核对");
    expect(cell("文档", 4, "未核对原因")).toBe("没有读到第一部分（文字说明）中的项目指标");
    expect(cell("文档", 3, "项目数")).toBeNull();
    expect(cell("项目", 3, "预算数（元）")).toBe(34000.5);
    expect(cell("项目", 2, "其他资金（元）")).toBeNull();
    expect(cell("项目", 4, "文件")).toBe("子目录/乙局 #2.docx");
    expect(cell("指标", 2, "数值")).toBe(20);
    const indicatorsHeader = workbook.getWorksheet("指标")?.getRow(1);
    const tableNote = indicatorsHeader?.getCell(INDICATOR_COLUMNS.indexOf("表格") + 1).note;
    expect(JSON.stringify(tableNote)).toContain("从 1 开始（JSON 的 at.table 从 0 开始）");
    expect(cell("指标", 2, "表格")).toBe(4); // 1-based, as 问题 says 表 4 for the same cell
    expect(cell("指标", 3, "指标值确定依据")).toBe("=SUM(A1:A9)");
    expect(cell("问题", 3, "第二部分位置")).toBe("表 4 第 6 行第 5 列");
  });

  it("writes the CSVs with a BOM, a header and one line per row", async () => {
    const indicators = await read("indicators.csv");
    const findings = await read("findings.csv");
    for (const text of [indicators, findings]) expect(text.startsWith("\ufeff文件,")).toBe(true);
    expect(csvLines(indicators)).toHaveLength(counts.indicators + 1);
    expect(csvLines(findings)).toHaveLength(counts.findings + 1);
    expect(csvLines(indicators)[0]).toBe(`\ufeff${INDICATOR_COLUMNS.join(",")}`);
    expect(csvLines(findings)[0]).toBe(`\ufeff${FINDING_COLUMNS.join(",")}`);
    expect(csvLines(indicators)[1]).toBe(
      "甲局.docx,P001,招商经费,产出指标,经济效益指标,税收增长率,税收增长率,≥20%,≥,20,,%,定量,工作计划,4,6,5",
    );
    expect(indicators).toContain(",'=SUM(A1:A9),");
  });

  it("writes one JSON document per line for the processed documents", async () => {
    const lines = (await read("documents.ndjson")).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => DocumentSchema.parse(JSON.parse(l)))).toEqual([docA, docB]);
  });

  it("writes an index page with the totals and one row per document", async () => {
    const html = await read("index.html");
    expect(html).toBe(renderIndexPage(entries));
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/u);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<title>绩效目标批量处理结果</title>");
    const total = (key: string) => new RegExp(`data-total="${key}">(\\d+)<`, "u").exec(html)?.[1];
    expect([total("documents"), total("projects"), total("indicators")]).toEqual(["3", "3", "4"]);
    expect([total("error"), total("warning"), total("info"), total("failed")]).toEqual(["2", "1", "1", "1"]);
    expect(total("unchecked")).toBe("1");
    const rows = [...html.matchAll(/<tr data-source="([^"]*)" data-status="(\w+)"[^>]*>/gu)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ["甲局.docx", "ok"],
      ["坏文件&lt;1&gt;.docx", "failed"],
      ["子目录/乙局 #2.docx", "unchecked"], // no Part 1: read, but never shown as a success
    ]);
    expect(html).toContain('<span class="status status-unchecked">未核对</span>');
    expect(html).toContain('<div class="unchecked">未核对：没有读到第一部分（文字说明）中的项目指标</div>');
    expect(html).toContain(
      '<a href="%E5%AD%90%E7%9B%AE%E5%BD%95/%E4%B9%99%E5%B1%80%20%232.report.html">子目录/乙局 #2.docx</a>',
    );
    expect(html).toContain("不是 Word 文档：&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('<td class="n hot-error" data-col="error" data-value="2">2</td>');
    expect(html).toContain("乙局&lt;本级&gt;");
    for (const id of ['id="documents"', 'id="filter" type="search"', 'id="status-filter"']) expect(html).toContain(id);

    // How completely each was read: 乙局 has no Part 1, so its row is marked 需核对 with the reason.
    expect(total("incomplete")).toBe("1");
    const marked = [...html.matchAll(/data-completeness="(\w+)"( class="review")?/gu)].map((m) => [m[1], !!m[2]]);
    expect(marked).toEqual([
      ["complete", false],
      ["unread", false],
      ["partial", true],
    ]);
    expect(html).toContain(
      '<span class="read read-partial">需核对</span><ul class="reasons"><li>没有找到第一部分。</li></ul>',
    );
  });

  it("has no external references and a script that parses", async () => {
    const html = await read("index.html");
    expect(html).not.toMatch(/https?:|<link|\ssrc=|@import|url\(/iu);
    expect(html).not.toContain("<script>alert");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/gu)].map((m) => m[1] ?? "");
    expect(scripts).toHaveLength(1);
    expect(() => new Function(scripts[0] ?? "")).not.toThrow();
  });

  it("gives byte-identical CSV, NDJSON and HTML when run again", async () => {
    const again = await temp("jixiao-batch-");
    try {
      await writeBatchOutputs(again, entries, load);
      for (const name of ["indicators.csv", "findings.csv", "documents.ndjson", "index.html"]) {
        expect(await read(name, again), name).toBe(await read(name));
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });

  it("keeps the previous outputs and leaves no temporary file when a document cannot be loaded", async () => {
    const before = await read("index.html");
    const broken = async (): Promise<JixiaoDocument> => {
      throw new Error("disk gone");
    };
    await expect(writeBatchOutputs(dir, [...entries].reverse(), broken)).rejects.toThrow("disk gone");
    expect(await read("index.html")).toBe(before);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes the same files from entries streamed while a run lands its results out of order", async () => {
    const streamed = await temp("jixiao-batch-");
    const feed = new InOrder<DocumentSummary>(entries.map((e) => e.source));
    const writing = writeBatchOutputs(streamed, { inOrder: feed, all: () => entries }, load);
    for (const entry of [...entries].reverse()) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      feed.add(entry.source, entry);
    }
    await writing;
    for (const name of ["indicators.csv", "findings.csv", "documents.ndjson", "index.html"])
      expect(await read(name, streamed), name).toBe(await read(name));
  });

  it("writes nothing and leaves no temporary file when the streamed run stops short", async () => {
    const stopped = await temp("jixiao-batch-");
    const feed = new InOrder<DocumentSummary>(entries.map((e) => e.source));
    const writing = writeBatchOutputs(stopped, { inOrder: feed, all: () => entries }, load);
    feed.add(entries[0]!.source, entries[0]!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    feed.fail(new Error("interrupted"));
    await expect(writing).rejects.toThrow("interrupted");
    expect(await readdir(stopped)).toEqual([]);
  });

  it("writes headers only for an empty batch", async () => {
    const empty = await temp("jixiao-batch-");
    try {
      await writeBatchOutputs(empty, [], load);
      expect(await read("indicators.csv", empty)).toBe(`\ufeff${INDICATOR_COLUMNS.join(",")}\r\n`);
      expect(await read("documents.ndjson", empty)).toBe("");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(empty, "batch.xlsx"));
      expect(workbook.worksheets.map((s) => s.rowCount)).toEqual([1, 1, 1, 1]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe("InOrder", () => {
  const take = async <T>(source: AsyncIterable<T>): Promise<T[]> => {
    const out: T[] = [];
    for await (const value of source) out.push(value);
    return out;
  };

  it.each([
    [
      ["a", "b", "c"],
      ["c", "a", "b"],
    ],
    [
      ["a", "b", "c"],
      ["a", "b", "c"],
    ],
    [["x"], ["x"]],
    [[], []],
  ])("hands on %j in order whatever the order they land in (%j)", async (order, landing) => {
    const feed = new InOrder<string>(order);
    const taken = take(feed);
    for (const key of landing) {
      await Promise.resolve();
      feed.add(key, key.toUpperCase());
    }
    expect(await taken).toEqual(order.map((k) => k.toUpperCase()));
  });

  it("ends with the error it is failed with, after what had landed in order", async () => {
    const feed = new InOrder<string>(["a", "b", "c"]);
    const seen: string[] = [];
    feed.add("a", "A");
    feed.add("c", "C");
    const taking = (async () => {
      for await (const value of feed) seen.push(value);
    })();
    await new Promise((resolve) => setTimeout(resolve, 5));
    feed.fail(new Error("stopped"));
    await expect(taking).rejects.toThrow("stopped");
    expect(seen).toEqual(["A"]);
  });
});
