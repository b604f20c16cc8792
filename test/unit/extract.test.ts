import { describe, expect, it } from "vitest";
import { defaultConfig, type LabelConfig, parseConfig } from "../../src/config/index.js";
import { extractProjects } from "../../src/extract/index.js";
import {
  captionSet,
  indexLabels,
  isBlockEnd,
  matchHeaderLabel,
  matchLabel,
  splitLabelValue,
  unitQualifier,
} from "../../src/extract/labels.js";
import { parseDocumentHtml } from "../../src/grid/index.js";
import type { Project, Warning } from "../../src/model/schema.js";
import { buildCategories, normaliseProject, rowValue } from "../../src/normalise/index.js";
import { categoryCell, parseAmountCell } from "../../src/normalise/project.js";
import { qual, quant } from "../helpers/model-builders.js";

/** HTML → grid → raw projects → model, with every stage's warnings. */
function run(html: string, config: LabelConfig = defaultConfig()): { projects: Project[]; warnings: Warning[] } {
  const doc = parseDocumentHtml(html);
  const raw = extractProjects(doc.value, config);
  const normalised = raw.value.map((p) => normaliseProject(p, config));
  return {
    projects: normalised.map((n) => n.value),
    warnings: [...doc.warnings, ...raw.warnings, ...normalised.flatMap((n) => n.warnings)],
  };
}

function only(projects: readonly Project[]): Project {
  expect(projects).toHaveLength(1);
  return projects[0]!;
}

const td = (text: string, attrs = ""): string => `<td${attrs ? ` ${attrs}` : ""}><p>${text}</p></td>`;
const tr = (...cells: string[]): string => `<tr>${cells.join("")}</tr>`;

/** The standard indicator table: 一级指标 spans three rows. */
const INDICATOR_TABLE = `<table>
  ${tr(td("<strong>一级指标</strong>"), td("<strong>二级指标</strong>"), td("<strong>三级指标</strong>"), td("<strong>绩效指标描述</strong>"), td("<strong>指标值</strong>"), td("<strong>指标值确定依据</strong>"))}
  ${tr(td("产出指标", 'rowspan="3"'), td("数量指标"), td("招商活动次数"), td("开展招商活动"), td("≥6次"), td("年度计划"))}
  ${tr(td("质量指标"), td("合作意向数"), td("促成合作意向"), td("≥2个"), td("年度计划"))}
  ${tr(td("成本指标"), td("资金成本"), td("资金成本"), td("≤25万元"), td("预算批复"))}
  ${tr(td("满意度指标"), td("服务对象满意度指标"), td("企业满意度"), td("企业满意度"), td("按时完成，企业满意"), td(""))}
</table>`;

describe("extract + normalise: the Word layout", () => {
  // Tables: 0 department/unit, 1 project header, 2 indicators.
  const html = `
    <h3><a id="_Toc_1"></a>1.招商经费绩效目标表</h3>
    <table>${tr(td("304001玉田县商务和投资促进局本级"), td("单位：万元"))}</table>
    <table>
      ${tr(td("<strong>项目编码</strong>"), td("13022925P000034100024", 'colspan="2"'), td("项目名称"), td("招商经费", 'colspan="3"'))}
      ${tr(td("<strong>预算规模及资金用途</strong>", 'rowspan="2"'), td("预算数"), td("25.5"), td("其中：财政    资金"), td("25"), td("其他资金"), td("0.5"))}
      ${tr(td("开展招商引资活动，宣传推介投资环境。", 'colspan="6"'))}
      ${tr(td("<strong>资金支出计划（%）</strong>", 'rowspan="2"'), td("3月底"), td("6月底", 'colspan="2"'), td("10月底"), td("12月底", 'colspan="2"'))}
      ${tr(td("25%"), td("50%", 'colspan="2"'), td("75%"), td("100%", 'colspan="2"'))}
      ${tr(td("<strong>绩效目标</strong>"), `<td colspan="6"><p>1.引进亿元以上项目8个；</p><p>2.开展小团组招商活动6次。</p></td>`)}
    </table>
    <p> </p>
    ${INDICATOR_TABLE}`;
  const { projects, warnings } = run(html);
  const project = only(projects);

  it("reads the title, department, unit and identity", () => {
    expect(project).toMatchObject({
      title: "1.招商经费绩效目标表",
      department: "304001玉田县商务和投资促进局本级",
      unit: "万元",
      code: "13022925P000034100024",
      name: "招商经费",
      tables: { header: 1, indicators: 2 },
    });
  });

  it("converts the budget from 万元 to 元", () => {
    expect(project.budget).toEqual({
      total: 255000,
      fiscal: 250000,
      other: 5000,
      superior: null,
      midTermTotal: null,
      derived: [],
      notes: {},
    });
  });

  it("reads the purpose written under the amounts without a label", () => {
    expect(project.purpose).toBe("开展招商引资活动，宣传推介投资环境。");
  });

  it("reads the spend plan periods with their percents and the percent cells", () => {
    expect(project.spendPlan).toEqual([
      { period: "3月底", percent: 25, at: { table: 1, row: 4, col: 1 } },
      { period: "6月底", percent: 50, at: { table: 1, row: 4, col: 2 } },
      { period: "10月底", percent: 75, at: { table: 1, row: 4, col: 4 } },
      { period: "12月底", percent: 100, at: { table: 1, row: 4, col: 5 } },
    ]);
  });

  it("keeps the goals as lines", () => {
    expect(project.goals).toEqual(["1.引进亿元以上项目8个；", "2.开展小团组招商活动6次。"]);
  });

  it.each([
    ["code", { table: 1, row: 0, col: 1 }],
    ["name", { table: 1, row: 0, col: 4 }],
    ["budget.total", { table: 1, row: 1, col: 2 }],
    ["budget.fiscal", { table: 1, row: 1, col: 4 }],
    ["budget.other", { table: 1, row: 1, col: 6 }],
    ["purpose", { table: 1, row: 2, col: 1 }],
    ["goals", { table: 1, row: 5, col: 1 }],
    ["department", { table: 0, row: 0, col: 0 }],
    ["unit", { table: 0, row: 0, col: 1 }],
  ])("locates %s", (path, at) => {
    expect(project.locations[path]).toEqual(at);
  });

  it("applies the spanned 一级指标 to every row it covers", () => {
    expect(project.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual([
      ["产出指标", "数量指标", "招商活动次数"],
      ["产出指标", "质量指标", "合作意向数"],
      ["产出指标", "成本指标", "资金成本"],
      ["满意度指标", "服务对象满意度指标", "企业满意度"],
    ]);
  });

  it("parses values and keeps description and basis", () => {
    expect(project.indicators.map((i) => i.value)).toEqual([
      quant("≥6次", ">=", 6, "次"),
      quant("≥2个", ">=", 2, "个"),
      quant("≤25万元", "<=", 25, "万元"),
      qual("按时完成，企业满意"),
    ]);
    expect(project.indicators.map((i) => [i.description, i.basis])).toEqual([
      ["开展招商活动", "年度计划"],
      ["促成合作意向", "年度计划"],
      ["资金成本", "预算批复"],
      ["企业满意度", null],
    ]);
    expect(project.indicators.every((i) => Object.keys(i.extra).length === 0)).toBe(true);
  });

  it("points each indicator at its value cell", () => {
    expect(project.indicators.map((i) => i.at)).toEqual([1, 2, 3, 4].map((row) => ({ table: 2, row, col: 4 })));
  });

  it("raises no warning", () => {
    expect(warnings).toEqual([]);
  });
});

describe("extract + normalise: the LibreOffice layout", () => {
  // The unit row is the first row of the header table, which is 8 columns wide.
  const html = `
    <p>2.残疾人保障金绩效目标表</p>
    <table>
      ${tr(td("304001玉田县商务和投资促进局本级", 'colspan="4"'), td("单位：元", 'colspan="4"'))}
      ${tr(td("<strong>项目编码</strong>"), td("13022925P00JXC4194973", 'colspan="2"'), td("项目名称", 'colspan="2"'), td("残疾人保障金", 'colspan="3"'))}
      ${tr(td("<strong>预算规模及资金用途</strong>", 'rowspan="2"'), td("预算数"), td("34000.00"), td("其中：财政    资金", 'colspan="2"'), td("34000.00"), td("其他资金"), "<td></td>")}
      ${tr(td("保障残疾人权益，缴纳残疾人保障金。", 'colspan="7"'))}
      ${tr(td("<strong>资金支出计划（%）</strong>", 'rowspan="2"'), td("3月底"), td("6月底", 'colspan="3"'), td("10月底"), td("12月底", 'colspan="2"'))}
      ${tr(td("25%"), td("50%", 'colspan="3"'), td("75%"), td("100%", 'colspan="2"'))}
      ${tr(td("<strong>绩效目标</strong>"), `<td colspan="7"><p>1.保障残疾人权益；</p><p>2.按时缴纳残疾人保障金。</p></td>`)}
    </table>
    <p> </p>
    ${INDICATOR_TABLE}`;
  const { projects, warnings } = run(html);
  const project = only(projects);

  it("takes the department and unit from the table's first row", () => {
    expect(project).toMatchObject({
      title: "2.残疾人保障金绩效目标表",
      department: "304001玉田县商务和投资促进局本级",
      unit: "元",
      code: "13022925P00JXC4194973",
      name: "残疾人保障金",
      tables: { header: 0, indicators: 1 },
    });
    expect(project.locations.unit).toEqual({ table: 0, row: 0, col: 4 });
    expect(project.locations.name).toEqual({ table: 0, row: 1, col: 5 });
  });

  it("reads amounts in 元, an empty 其他资金 as null, and the purpose", () => {
    expect(project.budget).toEqual({
      total: 34000,
      fiscal: 34000,
      other: null,
      superior: null,
      midTermTotal: null,
      derived: [],
      notes: {},
    });
    expect(project.purpose).toBe("保障残疾人权益，缴纳残疾人保障金。");
  });

  it("reads the spend plan over the wider merges", () => {
    expect(project.spendPlan.map((s) => [s.period, s.percent, s.at.col])).toEqual([
      ["3月底", 25, 1],
      ["6月底", 50, 2],
      ["10月底", 75, 5],
      ["12月底", 100, 6],
    ]);
  });

  it("reads goals and indicators", () => {
    expect(project.goals).toEqual(["1.保障残疾人权益；", "2.按时缴纳残疾人保障金。"]);
    expect(project.indicators.map((i) => [i.level1, i.level3, i.at])).toEqual([
      ["产出指标", "招商活动次数", { table: 1, row: 1, col: 4 }],
      ["产出指标", "合作意向数", { table: 1, row: 2, col: 4 }],
      ["产出指标", "资金成本", { table: 1, row: 3, col: 4 }],
      ["满意度指标", "企业满意度", { table: 1, row: 4, col: 4 }],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe("extract + normalise: a template with 指标性质 / 计量单位 columns", () => {
  const html = `
    <table>${tr(td("某部门"), td("单位：元"))}</table>
    <table>
      ${tr(td("项目名称"), td("培训经费"))}
      ${tr(td("预算数"), td("12000"))}
    </table>
    <table>
      ${tr(...["一级指标", "二级指标", "指标内容", "指标性质", "目标值", "计量单位", "权重", "备注", "考核方式"].map((h) => td(h)))}
      ${tr(td("产出指标"), td("数量指标"), td("培训人次"), td("≥"), td("200"), td("人次"), td("20"), td("全年"), td("查阅资料"))}
      ${tr(td("产出指标"), td("质量指标"), td("合格率"), td("＞＝"), td("95"), td("%"), td("20"), td(""), td(""))}
      ${tr(td("产出指标"), td("成本指标"), td("培训成本"), td("≤"), td("1.2"), td("万元"), td("10"), td(""), td(""))}
      ${tr(td("效益指标"), td("社会效益指标"), td("培训效果"), td("定性"), td("明显提升"), td(""), td("30"), td("好评"), td(""))}
      ${tr(td("满意度指标"), td("服务对象满意度指标"), td("学员满意度"), td("="), td("90%"), td("%"), td("20"), td(""), td(""))}
    </table>`;
  const { projects, warnings } = run(html);
  const project = only(projects);

  it("reads 指标内容 as the 三级指标 and the project from its own tables", () => {
    expect(project.name).toBe("培训经费");
    expect(project.budget.total).toBe(12000);
    expect(project.tables).toEqual({ header: 1, indicators: 2 });
    expect(project.indicators.map((i) => i.level3)).toEqual([
      "培训人次",
      "合格率",
      "培训成本",
      "培训效果",
      "学员满意度",
    ]);
  });

  it("completes each value from the nature and unit columns", () => {
    expect(project.indicators.map((i) => i.value)).toEqual([
      quant("≥200人次", ">=", 200, "人次"),
      quant("≥95%", ">=", 95, "%"),
      quant("≤1.2万元", "<=", 1.2, "万元"),
      qual("明显提升"),
      quant("=90%", "=", 90, "%"),
    ]);
  });

  it("reads 权重 as a number, keeps 备注 and unknown columns in extra, blank cells left out", () => {
    expect(project.indicators.map((i) => i.weight)).toEqual([20, 20, 10, 30, 20]);
    expect(project.indicators.map((i) => i.extra)).toEqual([
      { 备注: "全年", 考核方式: "查阅资料" },
      {},
      {},
      { 备注: "好评" },
      {},
    ]);
  });

  it("points at the 目标值 column", () => {
    expect(project.indicators.map((i) => i.at.col)).toEqual([4, 4, 4, 4, 4]);
  });

  it("warns only about the column it does not know", () => {
    expect(warnings.map((w) => [w.code, w.params, w.at])).toEqual([
      ["unmapped-column", { header: "考核方式" }, { table: 2, row: 0, col: 8 }],
    ]);
  });
});

describe("rowValue regressions", () => {
  const row = (nature: string, value: string, unit: string) =>
    rowValue({
      level1: null,
      level2: null,
      level3: null,
      description: null,
      basis: null,
      weight: null,
      direction: null,
      extra: {},
      nature: { text: nature, lines: [nature], at: { table: 0, row: 1, col: 0 } },
      value: value === "" ? null : { text: value, lines: [value], at: { table: 0, row: 1, col: 1 } },
      unit: { text: unit, lines: [unit], at: { table: 0, row: 1, col: 2 } },
      at: { table: 0, row: 1, col: 1 },
    });

  it("does not double an operator written both in 指标性质 and in the value", () => {
    expect(row("≥", "≥90", "%")).toMatchObject({ kind: "quantitative", op: ">=", number: 90, unit: "%" });
  });

  it("leaves a blank value blank rather than inventing ≥%", () => {
    expect(row("≥", "", "%")).toMatchObject({ raw: "", kind: "qualitative" });
  });
});

describe("extract + normalise: aliases from a user YAML file", () => {
  const html = `
    <table>${tr(td("某部门"), td("单位：元"))}</table>
    <table>
      ${tr(td("项目编码"), td("P001"), td("项目名称"), td("宣传经费"))}
      ${tr(td("预算数"), td("5000"), td("其他资金"), td(""))}
    </table>
    <table>
      ${tr(td("一级指标"), td("二级指标"), td("考核内容"), td("预期目标"))}
      ${tr(td("产出指标"), td("数量指标"), td("宣传次数"), td("≥3次"))}
      ${tr(td("满意度指标"), td("服务对象满意度指标"), td("群众满意度"), td("≥90%"))}
    </table>`;
  const yaml = `
indicatorColumns:
  level3: [考核内容]
  value: [预期目标]
`;

  it.each([
    ["the default config", defaultConfig(), [] as string[], null, ["missing-indicator-table"]],
    ["the user config", parseConfig(yaml), ["宣传次数", "群众满意度"], 2, [] as string[]],
  ])("with %s", (_name, config, level3s, indicatorTable, warningCodes) => {
    const { projects, warnings } = run(html, config);
    const project = only(projects);
    expect(project.name).toBe("宣传经费");
    expect(project.indicators.map((i) => i.level3)).toEqual(level3s);
    expect(project.tables.indicators).toBe(indicatorTable);
    expect(warnings.map((w) => w.code)).toEqual(warningCodes);
  });

  it("reads the aliased columns' values and cells", () => {
    const { projects } = run(html, parseConfig(yaml));
    expect(only(projects).indicators.map((i) => [i.level1, i.value, i.at])).toEqual([
      ["产出指标", quant("≥3次", ">=", 3, "次"), { table: 2, row: 1, col: 3 }],
      ["满意度指标", quant("≥90%", ">=", 90, "%"), { table: 2, row: 2, col: 3 }],
    ]);
  });

  it("keeps the built-in names when extending", () => {
    const config = parseConfig(yaml);
    expect(config.indicatorColumns.value).toContain("指标值");
    expect(config.indicatorColumns.value).toContain("预期目标");
  });

  it("recognises a header-table label added by the user", () => {
    const renamed = html.replace("项目名称", "项目全称");
    const withoutAlias = run(renamed, parseConfig(yaml));
    expect(only(withoutAlias.projects).name).toBeNull();
    const withAlias = run(renamed, parseConfig(`${yaml}header:\n  name: [项目全称]\n`));
    expect(only(withAlias.projects).name).toBe("宣传经费");
  });
});

describe("extract: a 申报表 with its indicators under a side label", () => {
  const html = `<table>
    ${tr(td("项目名称"), td("森林防火", 'colspan="4"'))}
    ${tr(td("年度资金总额"), td("12.5"), td("其中：财政拨款"), td("10"), td("上级资金 2.5"))}
    ${tr(td("年度绩效指标", 'rowspan="3"'), td("一级指标"), td("二级指标"), td("三级指标"), td("指标值"))}
    ${tr(td("产出指标"), td("数量指标"), td("巡护里程"), td("≥300公里"))}
    ${tr(td("满意度指标"), td("服务对象满意度指标"), td("群众满意度"), td("≥90%"))}
  </table>`;
  const { projects, warnings } = run(html);

  it("ignores the side label column instead of keeping it as an extra column", () => {
    expect(only(projects).indicators.map((i) => [i.level1, i.level3, i.value.raw, i.extra])).toEqual([
      ["产出指标", "巡护里程", "≥300公里", {}],
      ["满意度指标", "群众满意度", "≥90%", {}],
    ]);
    expect(warnings.filter((w) => w.code === "unmapped-column")).toEqual([]);
  });
});

describe("money units stated outside a 单位：元 row", () => {
  it("takes the unit from a paragraph above the tables", () => {
    const html = `<p>填报单位：某某局　　　　单位：万元</p><table>${tr(td("项目名称"), td("道路养护"))}${tr(td("预算数"), td("12.5"))}</table>`;
    const project = only(run(html).projects);
    expect([project.unit, project.budget.total, project.locations.unit]).toEqual(["万元", 125000, undefined]);
  });

  it("takes the unit from a label such as 项目资金（万元）, and the year's column beside the period's", () => {
    const html = `<table>
      ${tr(td("项目名称"), td("农田建设", 'colspan="4"'))}
      ${tr(td("项目资金（万元）", 'rowspan="2"'), td("中期资金总额"), td("3600"), td("年度资金总额"), td("1200"))}
      ${tr(td("其中：财政拨款"), td("3000"), td("其中：财政拨款"), td("1000"))}
    </table>`;
    const project = only(run(html).projects);
    expect([project.unit, project.budget.total, project.budget.fiscal]).toEqual(["万元", 12000000, 10000000]);
    expect(project.locations.unit).toEqual({ table: 0, row: 1, col: 0 });
  });
});

describe("labels by normal form", () => {
  const labels = indexLabels(defaultConfig());

  // None of these spellings is an alias in config/default.yaml: each is found through its normal form.
  it.each<[string, string, string | null, string | null]>([
    ["a trailing colon", "年度资金总额：", null, "annual"],
    ["a trailing ASCII colon and spaces", "项目名称 : ", null, null],
    ["an inner space before the colon", "其中 :上级资金", null, null],
    ["an inner space in the core", "项 目 编 码", null, null],
    ["a full-width bracketed unit", "预算数（万元）", "万元", null],
    ["an ASCII bracketed unit", "资金总额(元)", "元", null],
    ["a bracketed period", "资金总额（长期）", null, "midTerm"],
    ["a bracketed year span", "资金总额（2023年-2025年）", null, "midTerm"],
    ["a leading period word", "当年预算数", null, "annual"],
    ["a leading 中期", "中期资金总额", null, "midTerm"],
    ["an alias starting with a period word", "年度资金总额", null, "annual"],
    ["a required-field mark", "*项目名称", null, null],
    ["a bracketed remark", "项目名称（全称）", null, null],
  ])("%s: %s", (_name, text, unit, period) => {
    const match = matchHeaderLabel(text, labels);
    expect(match).not.toBeNull();
    expect([match!.unit, match!.period]).toEqual([unit, period]);
  });

  it.each([
    ["年度资金总额：", "total"],
    ["其中 :上级资金", "superior"],
    ["项 目 编 码", "code"],
    ["资金总额(元)", "total"],
    ["当年预算数", "total"],
    ["其中：财政拨款（万元）", "fiscal"],
  ])("%s is the %s label", (text, field) => {
    expect(matchHeaderLabel(text, labels)?.field).toBe(field);
  });

  it.each([["备注"], ["2025年"], ["≥90%"], ["开展招商活动"], ["年度"], [""]])("%s is no header label", (text) => {
    expect(matchHeaderLabel(text, labels)).toBeNull();
  });

  it.each([
    ["指标值：", "value", null],
    ["目标值（年度）", "value", "annual"],
    ["指标值(中期)", "value", "midTerm"],
    ["三级指标 ", "level3", null],
    ["度量单位：", "unit", null],
  ])("indicator column %s is %s", (text, role, period) => {
    const match = matchLabel(text, labels.columns, labels.moneyUnits);
    expect([match?.key, match?.period]).toEqual([role, period]);
  });

  it.each([
    ["填报单位（盖章）：某某局", "submitter", "某某局"],
    ["上级资金 2.5", "superior", "2.5"],
    ["项目名称：森林防火", "name", "森林防火"],
  ])("splits a label and its value in one cell: %s", (text, field, value) => {
    expect(splitLabelValue(text, labels)).toMatchObject({ field, value });
  });

  it("does not split a label that is whole, nor text that starts with no label", () => {
    expect(splitLabelValue("其中：财政    资金", labels)).toBeNull();
    expect(splitLabelValue("按时完成：全年", labels)).toBeNull();
  });
});

describe("extract: labels written as people write them", () => {
  it("reads a 申报表 whose labels carry colons, inner spaces, brackets and periods", () => {
    const html = `<table>
      ${tr(td("项目名称："), td("森林防火", 'colspan="3"'))}
      ${tr(td("资金总额（长期）："), td("36"), td("当年资金总额："), td("12"))}
      ${tr(td("其中 :财政拨款"), td("30"), td("其中 :财政拨款"), td("10"))}
      ${tr(td("其中 :上级资金"), td(""), td("其中 :上级资金"), td("2"))}
      ${tr(td("一级指标"), td("二级指标"), td("三级指标"), td("指标值："))}
      ${tr(td("产出指标"), td("数量指标"), td("巡护里程"), td("≥300公里"))}
    </table>
    <p>单位：万元</p>`;
    const project = only(run(`<p>单位：万元</p>${html}`).projects);
    expect(project.name).toBe("森林防火");
    expect(project.budget).toMatchObject({ total: 120000, fiscal: 100000, superior: 20000, midTermTotal: 360000 });
    expect(project.indicators.map((i) => i.value.raw)).toEqual(["≥300公里"]);
  });
});

describe("amounts as people write them", () => {
  const units = defaultConfig().moneyUnits;

  it.each<[string, number, number | null, string | null]>([
    ["854万", 1, 8540000, null],
    ["854万元", 1, 8540000, null],
    ["8,540,000.00", 1, 8540000, null],
    ["８５４", 10000, 8540000, null],
    ["854万(其中：上级资金400万元，本级454万元)", 1, 8540000, "其中：上级资金400万元，本级454万元"],
    ["854（其中上级资金400）", 10000, 8540000, "其中上级资金400"],
    ["120.5 万元；含结转资金", 1, 1205000, "含结转资金"],
    ["详见附表", 1, null, null],
  ])("%s", (text, factor, amount, note) => {
    expect(parseAmountCell(text, factor, units)).toEqual({ amount, note });
  });

  it("derives a missing total from its parts and marks it derived", () => {
    const html = `<p>单位：元</p><table>
      ${tr(td("项目名称"), td("道路养护", 'colspan="3"'))}
      ${tr(td("财政资金"), td("8,000.00"), td("其他资金"), td("2000"))}
    </table>`;
    const { projects } = run(html);
    expect(only(projects).budget).toMatchObject({ total: 10000, fiscal: 8000, other: 2000, derived: ["total"] });
  });

  it("keeps commentary after an amount as a note, and a written total is not derived", () => {
    const html = `<p>单位：万元</p><table>
      ${tr(td("项目名称"), td("农村公路", 'colspan="3"'))}
      ${tr(td("预算数"), td("854万(其中：上级资金400万元)"), td("财政资金"), td("854"))}
    </table>`;
    const budget = only(run(html).projects).budget;
    expect(budget).toMatchObject({ total: 8540000, fiscal: 8540000, derived: [] });
    expect(budget.notes).toEqual({ total: "其中：上级资金400万元" });
  });
});

describe("the department beside the money unit", () => {
  it.each([
    ["a paragraph with a tab", "<p>304001某某局本级\t单位：元</p>", "304001某某局本级"],
    ["a paragraph with a label", "<p>填报单位（盖章）：某某局　　　单位：万元</p>", "某某局"],
    [
      "a unit row whose label shares the cell",
      `<table>${tr(td("填报单位（盖章）：某某局"), td("单位：元"))}</table>`,
      "某某局",
    ],
    ["a label in the header table", `<p>单位：元</p><table>${tr(td("填报单位："), td("某某局"))}</table>`, "某某局"],
  ])("%s", (_name, above, department) => {
    const html = `${above}<table>${tr(td("项目名称"), td("道路养护"))}${tr(td("预算数"), td("12.5"))}</table>`;
    expect(only(run(html).projects).department).toBe(department);
  });
});

describe("extract: values spanning columns, and blocks that end where the form ends", () => {
  const html = `<table>
    ${tr(td("项目名称"), td("农村公路养护", 'colspan="7"'))}
    ${tr(td("预算数（万元）"), td("120", 'colspan="7"'))}
    ${tr(...["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "度量单位", "权重", "指标方向性"].map((h) => td(h)))}
    ${tr(td("产出指标"), td("数量指标"), td("养护里程"), td("大于等于"), td("300"), td("公里"), td("30"), td("正向"))}
    ${tr(td("产出指标"), td("质量指标"), td("优良路率"), td(""), td("85"), td("%"), td("30"), td("正向"))}
    ${tr(td("产出指标"), td("成本指标"), td("每公里成本"), td("≤"), td("0.4"), td("万元/公里"), td("20"), td("反向"))}
    ${tr(td("满意度指标"), td("服务对象满意度指标"), td("群众满意度"), td("定性"), td("较满意"), td(""), td("20"), td(""))}
    ${tr(td("填报单位（盖章）："), td("", 'colspan="3"'), td("审核意见："), td("", 'colspan="3"'))}
    ${tr(td("填报人：张三"), td("联系电话：0315-1234567", 'colspan="3"'), td("日期：2025年1月10日", 'colspan="4"'))}
  </table>`;
  const { projects } = run(html);
  const project = only(projects);

  it("stops at the signature, review, contact and date rows", () => {
    expect(project.indicators.map((i) => i.level3)).toEqual(["养护里程", "优良路率", "每公里成本", "群众满意度"]);
  });

  it("combines operator, number and unit columns; an empty operator means =", () => {
    expect(project.indicators.map((i) => [i.value.raw, i.value.op, i.value.number, i.value.unit])).toEqual([
      ["≥300公里", ">=", 300, "公里"],
      ["85%", "=", 85, "%"],
      ["≤0.4万元/公里", "<=", 0.4, "万元/公里"],
      ["较满意", null, null, null],
    ]);
  });

  it("keeps weight and direction", () => {
    expect(project.indicators.map((i) => [i.weight, i.direction])).toEqual([
      [30, "正向"],
      [30, "正向"],
      [20, "反向"],
      [20, null],
    ]);
  });

  it("reads the budget with the unit in its label", () => {
    expect(project.budget.total).toBe(1200000);
  });
});

describe("extract: a block caption merged down beside the indicator header and rows", () => {
  // As in 重庆's 审批表: 年度绩效目标(90分) is merged down the left of the header row and every indicator row;
  // it is the block's own caption, so it must not end the block (it matches the 年度绩效目标 label).
  const html = `<table>
    ${tr(td("项目名称"), td("加工园配套设施建设", 'colspan="4"'))}
    ${tr(td("年度绩效目标(90分)", 'rowspan="4"'), td("一级指标"), td("二级指标"), td("三级指标"), td("指标值"))}
    ${tr(td("产出指标"), td("数量指标"), td("晾晒房面积"), td("≥300平方米"))}
    ${tr(td("产出指标"), td("质量指标"), td("工程验收合格率"), td("100%"))}
    ${tr(td("满意度指标"), td("服务对象满意度指标"), td("受益群众满意度"), td("≥95%"))}
    ${tr(td("填报人：张三"), td("日期：2023年3月1日", 'colspan="4"'))}
  </table>`;

  it("reads every row under the caption and still stops at the signature row", () => {
    const project = only(run(html).projects);
    expect(project.indicators.map((i) => i.level3)).toEqual(["晾晒房面积", "工程验收合格率", "受益群众满意度"]);
  });

  it("keeps the score the caption states as what the weights add up to; none stated is null", () => {
    expect(only(run(html).projects).weightTotal).toBe(90);
    expect(only(run(html.replace("(90分)", "")).projects).weightTotal).toBeNull();
  });
});

describe("labels by normal form: periods, levels of government, variant characters", () => {
  const labels = indexLabels(defaultConfig());

  // None of these spellings is an alias: 本年度/长期/总目标 are read in their canonical period word, 市/县 are
  // taken off a funding label, 其它 is 其他.
  it.each<[string, string, string | null]>([
    ["本年度目标", "goals", "annual"],
    ["当年年度预算", "total", "annual"],
    ["其中：市财政资金", "fiscal", null],
    ["县级财政资金", "fiscal", null],
    ["本级财政资金", "fiscal", null],
    ["年度主要目标和成果", "goals", "annual"],
    ["其中：其它资金", "other", null],
  ])("%s is the %s label", (text, field, period) => {
    const match = matchHeaderLabel(text, labels);
    expect([match?.field, match?.period]).toEqual([field, period]);
  });

  it.each<[string, string | null]>([
    ["年度绩效指标", "annual"],
    ["本年度绩效指标", "annual"],
    ["长期绩效指标", "midTerm"],
    ["总目标绩效指标", "midTerm"],
    ["中长期绩效指标", "midTerm"],
    ["年度绩效目标(90分)", "annual"],
    ["一级指标", null],
    ["产出指标", null],
  ])("caption %s names the set %s", (text, set) => {
    expect(captionSet(text, labels)).toBe(set);
  });

  it.each<[string, string | null]>([
    ["项目资金申请(万元)", "万元"],
    ["项目预算（万元）", "万元"],
    ["资金情况（元）", "元"],
    ["854万(其中：上级资金400万元)", null],
    ["（万元）", null],
    ["项目资金", null],
  ])("the money unit of %s is %s", (text, unit) => {
    expect(unitQualifier(text, labels)).toBe(unit);
  });

  it.each<[string, boolean]>([
    ["主管部门审核意见", true],
    ["市财政局审批意见：", true],
    ["审核意见", true],
    ["（盖章）", true],
    ["项目完成日期", false],
    ["产出指标", false],
  ])("%s ends the indicator block: %s", (text, ends) => {
    expect(isBlockEnd(text, labels)).toBe(ends);
  });

  it("reads 金额单位 as one unit statement, the department before it", () => {
    const html = `<p>预算单位：某某乡人民政府　金额单位：万元</p><table>${tr(td("项目名称"), td("道路养护"))}${tr(td("预算数"), td("12.5"))}</table>`;
    const project = only(run(html).projects);
    expect([project.department, project.unit, project.budget.total]).toEqual(["某某乡人民政府", "万元", 125000]);
  });
});

describe("normalise: category cells read by their normal form", () => {
  const categories = buildCategories(defaultConfig());
  const field = (text: string) => ({ text, lines: [text], at: { table: 0, row: 0, col: 0 } });

  it.each<[string, string]>([
    ["产 出 指 标", "产出指标"],
    ["满意度\n指标", "满意度指标"],
    ["成本指标(0-20)分", "成本指标"],
    ["产出指标\n(40-50)分", "产出指标"],
    ["满意度指标（10分）", "满意度指标"],
    ["产出（工作量）指标（数量、质量、成本方面的指标）", "产出指标"],
    ["一、产出指标", "产出指标"],
    ["（二）效益指标（30分）", "效益指标"],
    ["1.数量指标", "数量指标"],
    ["效益指标", "效益指标"],
    ["满意度", "满意度"],
    ["开展招商活动（次）", "开展招商活动（次）"],
  ])("%s reads %s", (text, expected) => {
    expect(categoryCell(field(text), categories)).toBe(expected);
  });
});

describe("extract: indicator blocks by caption, and tables that continue", () => {
  const header = tr(td("一级指标"), td("二级指标"), td("指标内容"), td("指标值"));
  const projectTable = `<table>${tr(td("项目名称"), td("道路提质改造", 'colspan="3"'))}${tr(td("资金总额"), td("854", 'colspan="3"'))}</table>`;

  it("reads a caption merged down the side of each block into its set", () => {
    const html = `<table>
      ${tr(td("项目名称"), td("道路提质改造", 'colspan="4"'))}
      ${tr(td("长期绩效指标", 'rowspan="2"'), td("一级指标"), td("二级指标"), td("指标内容"), td("指标值"))}
      ${tr(td("产出指标"), td("数量指标"), td("改造里程"), td("≥12公里"))}
      ${tr(td("年度绩效指标", 'rowspan="3"'), td("一级指标"), td("二级指标"), td("指标内容"), td("指标值"))}
      ${tr(td("产出指标"), td("数量指标"), td("年度改造里程"), td("≥3.5公里"))}
      ${tr(td("满意度指标"), td("服务对象满意度指标"), td("群众满意度"), td("≥90%"))}
    </table>`;
    const project = only(run(html).projects);
    expect(project.midTermIndicators.map((i) => i.level3)).toEqual(["改造里程"]);
    expect(project.indicators.map((i) => i.level3)).toEqual(["年度改造里程", "群众满意度"]);
  });

  it("reads caption rows across the table, each before its header", () => {
    const html = `${projectTable}<table>
      ${tr(td("总目标绩效指标", 'colspan="4"'))}${header}
      ${tr(td("产出指标"), td("数量指标"), td("提质改造座数"), td("≥60座"))}
      ${tr(td("本年度绩效指标", 'colspan="4"'))}${header}
      ${tr(td("产出指标"), td("数量指标"), td("运营维护座数"), td("≥48座"))}
      ${tr(td("主管部门审核意见"), td("审核人：", 'colspan="3"'))}
    </table>`;
    const project = only(run(html).projects);
    expect(project.midTermIndicators.map((i) => i.level3)).toEqual(["提质改造座数"]);
    expect(project.indicators.map((i) => i.level3)).toEqual(["运营维护座数"]);
  });

  it("reads a 长期 table and a 年度 table that follows it as one project's two sets", () => {
    const html = `${projectTable}
      <table>${tr(td("长期绩效指标", 'colspan="4"'))}${header}${tr(td("产出指标"), td("数量指标"), td("示范区面积"), td("≥3000亩"))}</table>
      <table>${tr(td("年度绩效指标", 'colspan="4"'))}${header}${tr(td("产出指标"), td("数量指标"), td("新建面积"), td("≥1000亩"))}</table>`;
    const project = only(run(html).projects);
    expect(project.midTermIndicators.map((i) => i.level3)).toEqual(["示范区面积"]);
    expect(project.indicators.map((i) => i.level3)).toEqual(["新建面积"]);
  });

  it("continues an indicator table in the next table after a page break; a caption paragraph names the set", () => {
    const html = `${projectTable}<p>年度绩效指标</p>
      <table>${header}${tr(td("产出指标"), td("数量指标"), td("改造数量"), td("≥18个"))}</table>
      <table>${header}${tr(td("满意度指标"), td("服务对象满意度指标"), td("村民满意度"), td("≥90%"))}</table>`;
    const { projects, warnings } = run(html);
    expect(only(projects).indicators.map((i) => i.level3)).toEqual(["改造数量", "村民满意度"]);
    expect(warnings.map((w) => w.code)).not.toContain("orphan-indicator-table");
  });

  it("continues the rows in the next table when it repeats no header", () => {
    const html = `${projectTable}
      <table>${header}${tr(td("产出指标"), td("数量指标"), td("维修校舍"), td("≥4所"))}</table>
      <table>${tr(td("效益指标"), td("社会效益指标"), td("安全条件"), td("改善"))}${tr(td("满意度指标"), td("服务对象满意度指标"), td("师生满意度"), td("≥90%"))}</table>
      <table>${tr(td("其他说明的问题"), td("无", 'colspan="3"'))}${tr(td("填报人：张三"), td("日期：2025年1月"), td(""), td(""))}</table>`;
    const { projects } = run(html);
    expect(only(projects).indicators.map((i) => i.level3)).toEqual(["维修校舍", "安全条件", "师生满意度"]);
  });

  it("reads caption rows between the rows of one header into their sets", () => {
    const html = `${projectTable}<table>${header}
      ${tr(td("中期指标", 'colspan="4"'))}${tr(td("产出指标"), td("数量指标"), td("维修校舍"), td("≥10所"))}
      ${tr(td("年度指标", 'colspan="4"'))}${tr(td("产出指标"), td("数量指标"), td("维修校舍"), td("≥4所"))}
    </table>`;
    const project = only(run(html).projects);
    expect([project.midTermIndicators.map((i) => i.value.raw), project.indicators.map((i) => i.value.raw)]).toEqual([
      ["≥10所"],
      ["≥4所"],
    ]);
  });

  it("finds a column by the alias it ends with, keeps 序号, and stops at the 合计 row", () => {
    const html = `${projectTable}<table>
      ${tr(td("序号"), td("一级指标"), td("二级指标"), td("绩效指标名称"), td("绩效指标值"), td("分值"))}
      ${tr(td("1"), td("一、产出指标（50分）"), td("数量指标（20分）"), td("培训人次"), td("≥200人次"), td("50"))}
      ${tr(td("2"), td("二、满意度指标（50分）"), td("服务对象满意度指标"), td("学员满意度"), td("≥90%"), td("50"))}
      ${tr(td("合计", 'colspan="5"'), td("100"))}
    </table>`;
    const { projects, warnings } = run(html);
    expect(only(projects).indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw, i.extra])).toEqual([
      ["产出指标", "数量指标", "培训人次", "≥200人次", { 序号: "1" }],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", { 序号: "2" }],
    ]);
    expect(warnings.map((w) => w.code)).not.toContain("unmapped-column");
  });

  it("reads a header over two rows: 指标值 merged over 中期 | 年度", () => {
    const html = `${projectTable}<table>
      ${tr(td("一级指标", 'rowspan="2"'), td("二级指标", 'rowspan="2"'), td("三级指标", 'rowspan="2"'), td("指标值", 'colspan="2"'))}
      ${tr(td("中期（2023-2025年）"), td("2025年"))}
      ${tr(td("产出指标"), td("数量指标"), td("维修校舍"), td("≥10所"), td("≥4所"))}
    </table>`;
    const project = only(run(html).projects);
    expect([project.midTermIndicators.map((i) => i.value.raw), project.indicators.map((i) => i.value.raw)]).toEqual([
      ["≥10所"],
      ["≥4所"],
    ]);
  });

  it("completes a bare number with the unit its column's header states (指标值（%）), not a text value", () => {
    const html = `${projectTable}<table>
      ${tr(td("一级指标"), td("二级指标"), td("三级指标"), td("指标值（%）"))}
      ${tr(td("产出指标"), td("质量指标"), td("合格率"), td("95"))}
      ${tr(td("效益指标"), td("社会效益指标"), td("安全条件"), td("明显改善"))}
    </table>`;
    const project = only(run(html).projects);
    expect(project.indicators.map((i) => [i.value.raw, i.value.number, i.value.unit])).toEqual([
      ["95%", 95, "%"],
      ["明显改善", null, null],
    ]);
  });

  it("passes over template rows left unfilled (categories only), keeps a named row without a value", () => {
    const html = `${projectTable}<table>${header}
      ${tr(td("产出指标", 'rowspan="3"'), td("数量指标"), td("维修校舍"), td("≥4所"))}
      ${tr(td("质量指标"), td(""), td(""))}
      ${tr(td("时效指标"), td("完成时间"), td(""))}
      ${tr(td("效益指标"), td("社会效益指标"), td(""), td(""))}
    </table>`;
    const project = only(run(html).projects);
    expect(project.indicators.map((i) => [i.level2, i.level3, i.value.raw])).toEqual([
      ["数量指标", "维修校舍", "≥4所"],
      ["时效指标", "完成时间", ""],
    ]);
  });

  it("still reads an indicator table after another project's title as a project of its own", () => {
    const html = `${projectTable}<table>${header}${tr(td("产出指标"), td("数量指标"), td("改造数量"), td("≥18个"))}</table>
      <p>二、另一个项目</p>
      <table>${header}${tr(td("产出指标"), td("数量指标"), td("培训人次"), td("≥100人次"))}</table>`;
    const { projects } = run(html);
    expect(projects.map((p) => p.indicators.map((i) => i.level3))).toEqual([["改造数量"], ["培训人次"]]);
  });

  it("reads levels written one column to the left (一级 holding 数量指标, 二级 the name) by content", () => {
    const html = `${projectTable}<table>
      ${tr(td("一级指标"), td("二级指标"), td("绩效标准"), td("当年预期实现值"))}
      ${tr(td("数量指标"), td("进场交易项目数"), td("反映交易项目数量"), td("≥1600个"))}
      ${tr(td("成本指标"), td("成本控制率"), td("反映支出控制"), td("不超预算"))}
      ${tr(td("服务对象满意度指标"), td("交易主体满意度"), td("反映满意程度"), td("≥95%"))}
    </table>`;
    const project = only(run(html).projects);
    expect(project.indicators.map((i) => [i.level1, i.level2, i.level3, i.description])).toEqual([
      ["产出指标", "数量指标", "进场交易项目数", "反映交易项目数量"],
      ["产出指标", "成本指标", "成本控制率", "反映支出控制"],
      ["满意度指标", "服务对象满意度指标", "交易主体满意度", "反映满意程度"],
    ]);
  });
});
