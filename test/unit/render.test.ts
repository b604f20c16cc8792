import { describe, expect, it } from "vitest";
import type {
  Finding,
  Indicator,
  IndicatorEvidence,
  JixiaoDocument,
  NarrativeIndicator,
} from "../../src/model/schema.js";
import { DocumentSchema, SCHEMA_VERSION } from "../../src/model/schema.js";
import { parseIndicatorValue } from "../../src/normalise/value.js";
import { markTextDifferences, markValueDifferences } from "../../src/render/diff.js";
import { diffChars, extensions, renderers, renderHtml, renderMarkdown, renderText } from "../../src/render/index.js";
import { buildReportView } from "../../src/render/report.js";

function tableIndicator(level2: string, level3: string, raw: string, row: number): Indicator {
  return {
    level1: "产出指标",
    level2,
    level3,
    description: level3,
    value: parseIndicatorValue(raw),
    basis: "工作计划",
    weight: null,
    direction: null,
    extra: {},
    at: { table: 3, row, col: 4 },
  };
}

function sentence(seq: number, level3: string, raw: string): NarrativeIndicator {
  return {
    seq,
    level1: "效益指标",
    level2: "经济效益指标",
    level3,
    description: null,
    value: parseIndicatorValue(raw),
    inferred: [],
    at: { paragraph: 12, seq },
    sentence: `${seq}.效益指标--经济效益指标--${level3}，指标值：${raw}；`,
  };
}

function evidence(i: Indicator | NarrativeIndicator, text: string): IndicatorEvidence {
  const { level1, level2, level3, description, value, at } = i;
  return { level1, level2, level3, description, value, at, text };
}

const project = (code: string, name: string, total: number, indicators: Indicator[]) => ({
  kind: "project" as const,
  title: `${name}绩效目标表`,
  department: "304001示例局本级",
  unit: "元",
  code,
  name,
  budget: { total, fiscal: total, other: null, superior: null, midTermTotal: null, derived: [], notes: {} },
  purpose: null,
  spendPlan: [],
  goals: [],
  longTermGoals: [],
  indicators,
  midTermIndicators: [],
  weightTotal: null,
  duties: [],
  tables: { header: 2, indicators: 3 },
  locations: {},
});

const taxNarrative = sentence(1, "税收增长率", "≥70%");
const ecoNarrative = sentence(2, "生态效益增长率", "≥80%");
const taxRow = tableIndicator("经济效益指标", "税收增长率", "≥20%", 5);
const extraRow = tableIndicator("数量指标", "缴纳次数", "≥1次", 7);

const findings: Finding[] = [
  {
    rule: "indicator-missing-in-table",
    category: "consistency",
    severity: "warning",
    project: { code: null, name: "招商经费" },
    message: "第一部分的指标“生态效益增长率”在表格中没有对应行。",
    narrative: evidence(ecoNarrative, ecoNarrative.sentence),
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
    message: "指标“税收增长率”的指标值不一致：第一部分 ≥70%，表格 ≥20%。",
    narrative: evidence(taxNarrative, taxNarrative.sentence),
    table: evidence(taxRow, "效益指标 | 经济效益指标 | 税收增长率 | ≥20%"),
    at: null,
    params: {},
    group: 1,
  },
  {
    rule: "indicator-missing-in-narrative",
    category: "consistency",
    severity: "info",
    project: { code: "P002", name: "残疾人保障金" },
    message: '表格的指标“缴纳次数”在第一部分没有提到。<script>alert("x")</script>',
    narrative: null,
    table: evidence(extraRow, "产出指标 | 数量指标 | 缴纳次数 | ≥1次"),
    at: null,
    params: {},
    group: 2,
  },
  {
    rule: "total-mismatch",
    category: "consistency",
    severity: "warning",
    project: null,
    message: "第一部分的预算总额与各项目预算之和不一致。",
    narrative: null,
    table: null,
    at: null,
    params: {},
    group: 3,
  },
];

const doc: JixiaoDocument = DocumentSchema.parse({
  schemaVersion: SCHEMA_VERSION,
  source: { path: "示例局.docx", sha256: "0".repeat(64), format: "docx" },
  sheets: null,
  department: { code: "304001", name: "示例局本级" },
  departmentAt: null,
  year: null,
  moneyUnit: "元",
  warnings: [
    {
      code: "unmapped-column",
      severity: "info",
      message: "指标表的列“备注”未对应到已知字段，已原样保存在 extra 中。",
      at: { table: 3, row: 0, col: 6 },
      params: { header: "备注" },
    },
  ],
  projects: [project("P001", "招商经费", 250000, [taxRow]), project("P002", "残疾人保障金", 34000, [extraRow])],
  narrative: {
    totalBudget: 284000,
    totalAt: { paragraph: 3, seq: null },
    listedProjects: [],
    projects: [
      {
        name: "招商经费",
        amount: 250000,
        listedAmount: 250000,
        declaredLevel1Count: 1,
        declaredIndicatorCount: 2,
        goal: "促进招商引资。",
        indicators: [taxNarrative, ecoNarrative],
        at: { paragraph: 10, seq: null },
      },
      {
        name: "残疾人保障金",
        amount: 34000,
        listedAmount: 34000,
        declaredLevel1Count: 0,
        declaredIndicatorCount: 0,
        goal: null,
        indicators: [],
        at: { paragraph: 20, seq: null },
      },
    ],
  },
  completeness: { status: "complete", reasons: [] },
  error: null,
  links: [
    { narrative: 0, table: 0, score: 1 },
    { narrative: 1, table: 1, score: 1 },
  ],
  findings,
});

describe("renderMarkdown", () => {
  const md = renderMarkdown(doc);

  it("starts with the file, the department and the counts", () => {
    expect(md).toMatch(/^# 绩效目标审核报告：示例局\.docx\n/u);
    expect(md).toContain("- 单位：示例局本级（304001）");
    expect(md).toContain("- 项目：第二部分 2 个，第一部分 2 个");
    expect(md).toContain("- 指标：第二部分 2 条，第一部分 2 条");
    expect(md).toContain("- 问题：错误 1 条，警告 2 条，提示 1 条");
  });

  it("lists each project with its code, budget and narrative amount", () => {
    expect(md).toContain(
      "## 招商经费\n\n- 项目编码：P001\n- 预算（第二部分）：250,000.00 元\n- 金额（第一部分）：250,000.00 元",
    );
    expect(md).toContain("## 残疾人保障金");
  });

  it("compares the two sides of a finding row by row, with 1-based locations", () => {
    expect(md).toContain("### 问题 2：错误 · 指标值不一致");
    expect(md).toContain("规则编号：`indicator-value-mismatch`");
    expect(md).toContain("| | 第一部分（文字） | 第二部分（表格） |");
    expect(md).toContain("| 三级指标 | 税收增长率 | 税收增长率 |");
    expect(md).toContain("| 指标值 | ≥70% | ≥20% |");
    expect(md).toContain("| 位置 | 第 13 段第 1 条 | 表 4 第 6 行第 5 列 |");
  });

  it("shows a dash for the side a finding lacks", () => {
    expect(md).toContain("| 三级指标 | 生态效益增长率 | — |");
    expect(md).toContain("| 三级指标 | — | 缴纳次数 |");
  });

  it("puts errors first within a project and document-level findings in their own section", () => {
    const project = md.slice(md.indexOf("## 招商经费"));
    expect(project.indexOf("指标值不一致")).toBeLessThan(project.indexOf("表格中缺少指标"));
    const documentSection = md.slice(md.indexOf("## 文档层面的问题"), md.indexOf("## 招商经费"));
    expect(documentSection).toContain("### 问题 1：警告 · 项目支出总额不一致");
  });

  it("opens with the verdict and a numbered summary of the errors and warnings, errors first", () => {
    expect(md).toContain("## 结论\n\n**发现错误**：错误 1 项、警告 2 项、提示 1 项");
    expect(md).toContain("- 核对：第一部分与第二部分已相互核对");
    const summary = md.slice(md.indexOf("## 错误和警告（3 项）"), md.indexOf("## 文档层面的问题"));
    const lines = summary.split("\n").filter((l) => l.startsWith("- "));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^- \*\*错误\*\* · 指标值不一致 · 招商经费：.*（见问题 2）$/u);
    expect(summary).not.toContain("缴纳次数"); // an info is not in the summary
  });

  it("orders projects worst first", () => {
    expect(md.indexOf("## 招商经费")).toBeLessThan(md.indexOf("## 残疾人保障金"));
    const reversed = renderMarkdown({ ...doc, projects: [...doc.projects].reverse(), links: [] });
    expect(reversed.indexOf("## 招商经费")).toBeLessThan(reversed.indexOf("## 残疾人保障金"));
  });

  it("escapes table pipes and HTML in document text", () => {
    expect(md).toContain("| 原文 | — | 产出指标 \\| 数量指标 \\| 缴纳次数 \\| ≥1次 |");
    expect(md).toContain("\\<script\\>");
    expect(md).not.toContain("<script>");
  });

  it("lists the reading warnings", () => {
    expect(md).toContain(
      "## 读取提示\n\n- 提示：指标表的列“备注”未对应到已知字段，已原样保存在 extra 中。（表 4 第 1 行第 7 列）",
    );
  });
});

describe("renderHtml", () => {
  const html = renderHtml(doc);
  const article = (i: number): string => {
    const start = html.indexOf(`id="f-${i}"`);
    return html.slice(start, html.indexOf("</article>", start));
  };

  it("is a standalone Chinese page", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/u);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script src|<link|http/iu);
  });

  it("exposes the counts as data attributes", () => {
    const count = (key: string) => new RegExp(`<span data-count="${key}">(\\d+)</span>`, "u").exec(html)?.[1];
    expect(count("projects")).toBe("2");
    expect(count("indicators")).toBe("2");
    expect(count("error")).toBe("1");
    expect(count("warning")).toBe("2");
    expect(count("info")).toBe("1");
  });

  it("writes one article per finding, with its severity and rule", () => {
    const articles = [
      ...html.matchAll(
        /<article class="finding" data-rule="([^"]+)" data-severity="(\w+)" data-findings="\d+" id="f-(\d+)">/gu,
      ),
    ];
    expect(articles).toHaveLength(findings.length);
    for (const [, rule, severity, index] of articles) {
      const finding = findings[Number(index)];
      expect([rule, severity]).toEqual([finding?.rule, finding?.severity]);
    }
  });

  it("groups findings under their project's section", () => {
    const section = html.slice(
      html.indexOf('data-project-code="P002"'),
      html.indexOf("</section>", html.indexOf('data-project-code="P002"')),
    );
    expect(section).toContain('id="f-2"');
    expect(html.indexOf('id="document-findings"')).toBeLessThan(html.indexOf('id="f-3"'));
  });

  it("marks only the differing characters of a value mismatch", () => {
    expect(article(1)).toContain("<td>≥<mark>70</mark>%</td><td>≥<mark>20</mark>%</td>");
    expect(article(1)).toContain("<td>税收增长率</td><td>税收增长率</td>");
  });

  it("links each finding's locations to rows and sentences present on the page", () => {
    expect(article(1)).toContain('<a class="loc" href="#n12-1">第 13 段第 1 条</a>');
    expect(article(1)).toContain('<a class="loc" href="#t3-r5">表 4 第 6 行第 5 列</a>');
    expect(html).toContain('<tr id="t3-r5" data-flag="error">');
    expect(html).toContain('<li id="n12-1" data-flag="error">');
    const ids = [...html.matchAll(/ id="([^"]+)"/gu)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("escapes text from the document", () => {
    expect(article(2)).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain('<script>alert("x")');
  });

  it("keeps the reading warnings in a collapsible block", () => {
    expect(html).toMatch(/<details class="warnings"[^>]*><summary>读取提示（1 条）<\/summary>/u);
  });

  it("has a filter per severity and an inline script that parses", () => {
    for (const s of ["error", "warning", "info"]) expect(html).toContain(`data-filter="${s}" checked`);
    const script = /<script>([\s\S]*?)<\/script>/u.exec(html)?.[1] ?? "";
    expect(script).toContain("article.finding");
    expect(() => new Function(script)).not.toThrow();
  });
});

describe("the top of the HTML report", () => {
  const html = renderHtml(doc);

  it("gives the verdict, then one summary line per error and warning linking to its item", () => {
    expect(html).toMatch(/<div class="verdict" id="verdict" data-verdict="error" data-checked="true">/u);
    const summary = html.slice(html.indexOf('id="summary"'), html.indexOf("</section>", html.indexOf('id="summary"')));
    const lines = [...summary.matchAll(/<li data-severity="(\w+)">.*?<a href="#(f-\d+)">([^<]+)<\/a>/gu)];
    expect(lines.map((l) => [l[1], l[2], l[3]])).toEqual([
      ["error", "f-1", "指标值不一致"],
      ["warning", "f-3", "项目支出总额不一致"],
      ["warning", "f-0", "表格中缺少指标"],
    ]);
    for (const [, , id] of lines) expect(html).toContain(`id="${id}"`);
    expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('class="project"'));
  });

  it("says how completely the document was read, with the reasons when it was not", () => {
    expect(html).toContain('<p class="completeness" data-completeness="complete">读取完整</p>');
    expect(renderMarkdown(doc)).toContain("- 读取：读取完整\n");
    const reason = { code: "budget-missing", message: "项目“招商经费”没有读到预算数。", at: null };
    const partial: JixiaoDocument = { ...doc, completeness: { status: "partial", reasons: [reason] } };
    expect(renderHtml(partial)).toContain(
      '<details class="completeness" data-completeness="partial"><summary>读取不完整（1 条原因）</summary><ul><li data-code="budget-missing">项目“招商经费”没有读到预算数。</li></ul></details>',
    );
    expect(renderMarkdown(partial)).toContain("- 读取：读取不完整\n  - 项目“招商经费”没有读到预算数。\n");
    expect(renderText(partial)).toContain("读取不完整：\n  项目“招商经费”没有读到预算数。\n");
  });

  it("titles every item with the rule's Chinese name, never its id", () => {
    const titles = [...html.matchAll(/<span class="title">([^<]+)<\/span>/gu)].map((m) => m[1]);
    expect(titles).toHaveLength(4);
    for (const title of titles) expect(title).not.toMatch(/[a-z]-[a-z]/u);
  });
});

describe("one item per problem", () => {
  const unknownUnit: Finding = {
    ...findings[1]!,
    rule: "unknown-unit",
    severity: "warning",
    message: "第二部分表格指标“税收增长率”的指标值“≥20%”中的单位无法识别。",
    narrative: null,
    group: 1,
  };
  const grouped: JixiaoDocument = { ...doc, findings: [...findings, unknownUnit] };
  const html = renderHtml(grouped);
  const md = renderMarkdown(grouped);

  it("shows findings of one group as one item listing each aspect, and keeps every finding's anchor", () => {
    const view = buildReportView(grouped);
    const item = view.projects[0]?.items[0];
    expect(item?.findings.map((f) => f.finding.rule)).toEqual(["indicator-value-mismatch", "unknown-unit"]);
    expect(html.match(/<article class="finding"/gu)).toHaveLength(4);
    const start = html.indexOf('id="f-1"');
    const article = html.slice(start, html.indexOf("</article>", start));
    expect(article).toContain('<span class="title">指标值不一致、无法识别的计量单位</span>');
    expect(article).toContain('<li id="f-4" data-severity="warning" data-rule="unknown-unit">');
    expect(article.match(/<table class="compare">/gu)).toHaveLength(1);
    expect(md).toContain("### 问题 2：错误 · 指标值不一致、无法识别的计量单位");
    expect(md).toContain("- 警告 · 无法识别的计量单位：第二部分表格指标");
  });

  it("counts findings as the JSON does and items as the report shows them", () => {
    const { counts } = buildReportView(grouped);
    expect(counts.findings).toEqual({ error: 1, warning: 3, info: 1 });
    expect(counts.items).toEqual({ error: 1, warning: 2, info: 1 });
  });
});

describe("a document whose parts could not be compared", () => {
  const noPart1: JixiaoDocument = { ...doc, narrative: null, links: [], findings: [] };
  const html = renderHtml(noPart1);
  const md = renderMarkdown(noPart1);

  it("says 未核对 and why, and never that no problem was found", () => {
    const view = buildReportView(noPart1);
    expect(view.check).toEqual({ checked: false, reasons: ["没有读到第一部分（文字说明）中的项目指标"] });
    expect(view.projects.every((p) => !p.check.checked)).toBe(true);
    expect(html).toContain('data-verdict="unchecked" data-checked="false"');
    expect(html).toContain("<strong>未核对</strong>：没有读到第一部分（文字说明）中的项目指标");
    expect(html).not.toContain("未发现问题");
    expect(html).not.toMatch(/<div class="verdict"[^>]*data-verdict="clean"/u);
    expect(md).toContain("- 核对：**未核对**（没有读到第一部分（文字说明）中的项目指标）");
    expect(md).not.toContain("未发现问题");
  });

  it("marks a project with only one side as unchecked even when the document was compared", () => {
    const view = buildReportView({ ...doc, links: [{ narrative: 0, table: 0, score: 1 }] });
    const unchecked = view.projects.filter((p) => !p.check.checked);
    expect(unchecked.map((p) => [p.table?.code ?? null, p.narrative?.name ?? null])).toEqual([
      ["P002", null],
      [null, "残疾人保障金"],
    ]);
  });

  it("is clean only when both parts were read and nothing was found", () => {
    const clean = renderHtml({ ...doc, findings: [] });
    expect(clean).toMatch(/<div class="verdict"[^>]*data-verdict="clean"/u);
    expect(clean).toContain("没有错误和警告。");
  });
});

describe("grouping by project", () => {
  const stray: Finding = { ...findings[3]!, rule: "weights-not-100", project: { code: "P999", name: "不存在的项目" } };
  const unlinked = renderHtml({
    ...doc,
    links: [{ narrative: 0, table: 0, score: 1 }],
    findings: [...findings, stray],
  });

  it("gives a Part 1 section linked to no table its own section without a code", () => {
    expect(unlinked.match(/<section class="project"/gu)).toHaveLength(3);
    const start = unlinked.indexOf('data-project-code="" data-project-name="残疾人保障金"');
    expect(start).toBeGreaterThan(0);
    expect(unlinked.slice(start, unlinked.indexOf("</section>", start))).toContain("第二部分没有对应的项目表");
  });

  it("keeps a finding for an unknown project with the document-level ones", () => {
    const section = unlinked.slice(unlinked.indexOf('id="document-findings"'), unlinked.indexOf('class="project"'));
    expect(section).toContain('data-rule="weights-not-100"');
  });
});

describe("renderers", () => {
  it("has a renderer and an extension for every format", () => {
    expect(Object.keys(renderers).sort()).toEqual(Object.keys(extensions).sort());
    expect(extensions).toEqual({ json: ".json", markdown: ".report.md", html: ".report.html" });
  });

  it("writes JSON that parses back to the same document", () => {
    const json = renderers.json(doc);
    expect(json.endsWith("}\n")).toBe(true);
    expect(DocumentSchema.parse(JSON.parse(json))).toEqual(doc);
  });
});

describe("marking differences in meaning", () => {
  const show = (runs: { text: string; marked: boolean }[]) =>
    runs.map((r) => (r.marked ? `[${r.text}]` : r.text)).join("");
  const values = (a: string, b: string) =>
    markValueDifferences(parseIndicatorValue(a), parseIndicatorValue(b)).map(show);

  it.each([
    ["≦3.4万元", "≤3.4万元", "≦3.4万元", "≤3.4万元"],
    ["≥80%", "≥80百分比", "≥80%", "≥80百分比"],
    [">=80%", "≥ 80 ％", ">=80%", "≥ 80 ％"],
    [">=95%", "≥90%", ">=[95]%", "≥[90]%"],
    ["≥70%", "≥20百分比", "≥[70]%", "≥[20]百分比"],
    ["≥2次", "≥2个", "≥2[次]", "≥2[个]"],
    ["80%以上", "≤80%", "80%[以上]", "[≤]80%"],
    ["3-5次", "3-6次", "[3-5]次", "[3-6]次"],
  ])("%s vs %s → %s | %s", (a, b, ma, mb) => {
    expect(values(a, b)).toEqual([ma, mb]);
  });

  it("compares qualitative values as text, ignoring width and punctuation", () => {
    expect(values("按时完成", "按时完成工作任务")).toEqual(["按时完成", "按时完成[工作任务]"]);
    expect(markTextDifferences("有效宣传，推介", "有效宣传,推介。").map(show)).toEqual([
      "有效宣传，推介",
      "有效宣传,推介。",
    ]);
  });
});

describe("diffChars", () => {
  const sides = (segments: ReturnType<typeof diffChars>) => [
    segments.map((s) => s.a).join(""),
    segments.map((s) => s.b).join(""),
  ];

  it("returns one common run for equal strings and nothing for two empty ones", () => {
    expect(diffChars("税收增长率", "税收增长率")).toEqual([{ common: true, a: "税收增长率", b: "税收增长率" }]);
    expect(diffChars("", "")).toEqual([]);
  });

  it("isolates a changed digit", () => {
    expect(diffChars("≥70%", "≥20%")).toEqual([
      { common: true, a: "≥", b: "≥" },
      { common: false, a: "7", b: "2" },
      { common: true, a: "0%", b: "0%" },
    ]);
  });

  it("reports text only one side has", () => {
    expect(diffChars("任务完成及时率", "及时率")).toEqual([
      { common: false, a: "任务完成", b: "" },
      { common: true, a: "及时率", b: "及时率" },
    ]);
    expect(diffChars("", "≥2个")).toEqual([{ common: false, a: "", b: "≥2个" }]);
  });

  it("aligns common characters in the middle", () => {
    expect(diffChars("社会效益指标", "生态效益")).toEqual([
      { common: false, a: "社会", b: "生态" },
      { common: true, a: "效益", b: "效益" },
      { common: false, a: "指标", b: "" },
    ]);
  });

  it("never splits a character outside the basic plane", () => {
    expect(diffChars("𠀀甲", "𠀁甲")).toEqual([
      { common: false, a: "𠀀", b: "𠀁" },
      { common: true, a: "甲", b: "甲" },
    ]);
  });

  it("rebuilds both inputs and never repeats a run kind", () => {
    const pairs: [string, string][] = [
      ["≥80百分比", "≥80%"],
      ["开展产业优势产业项目宣传推介活动数量", "开展优势产业项目推介活动次数"],
      ["abcabba", "cbabac"],
    ];
    for (const [a, b] of pairs) {
      const segments = diffChars(a, b);
      expect(sides(segments)).toEqual([a, b]);
      segments.slice(1).forEach((s, i) => {
        expect(s.common).not.toBe(segments[i]?.common);
      });
    }
  });

  it("reports the middle of long strings as one run", () => {
    const a = `头${"甲".repeat(600)}尾`;
    const b = `头${"乙".repeat(600)}尾`;
    const segments = diffChars(a, b);
    expect(segments).toHaveLength(3);
    expect(sides(segments)).toEqual([a, b]);
  });
});

describe("renderText", () => {
  it("prints the verdict, then each project worst first with its items, plain unless asked for colour", () => {
    const text = renderText(doc);
    const lines = text.split("\n");
    expect(lines[0]).toBe("示例局.docx — 示例局本级");
    expect(lines[1]).toBe("发现错误：错误 1 项、警告 2 项、提示 1 项");
    expect(text).toContain("\n招商经费  错误 1 · 警告 1\n  错误  指标值不一致  指标“税收增长率”");
    expect(text).toContain("        第一部分 ≥70%（第 13 段第 1 条）  ↔  第二部分 ≥20%（表 4 第 6 行第 5 列）");
    expect(text.indexOf("招商经费")).toBeLessThan(text.indexOf("残疾人保障金"));
    expect(text).not.toContain("\u001b[");
    expect(renderText(doc, { color: true })).toContain("\u001b[31m错误\u001b[0m");
  });

  it("says 未核对 for a project it could not check", () => {
    expect(renderText({ ...doc, narrative: null, links: [], findings: [] })).toContain(
      "未核对：没有读到第一部分（文字说明）中的项目指标，第一部分与第二部分未能相互核对",
    );
  });
});
