import { describe, expect, it } from "vitest";
import { assessCompleteness } from "../../src/completeness.js";
import { defaultConfig } from "../../src/config/index.js";
import { extractProjects } from "../../src/extract/index.js";
import {
  departmentIn,
  indexLabels,
  matchColumnLabel,
  matchHeaderLabel,
  unitInParagraph,
} from "../../src/extract/labels.js";
import { parseDocumentHtml } from "../../src/grid/index.js";
import { normaliseProject } from "../../src/normalise/index.js";

const labels = indexLabels(defaultConfig());

describe("label classes beyond the listed spellings", () => {
  // None of these is an alias in config/default.yaml.
  it.each([
    ["a lead before the value column", "指标目标值", "value"],
    ["a lead before the value column", "预期指标值", "value"],
    ["a lead before the name column", "绩效指标名称", "level3"],
    ["a trailing 名称 on a level column", "一级指标名称", "level1"],
    ["a trailing 名称 on a level column", "二级指标名称", "level2"],
    ["a lead before the unit column", "指标计量单位", "unit"],
    ["an exact alias still wins", "指标值确定依据", "basis"],
  ])("indicator column, %s: %s is %s", (_name, text, role) => {
    expect(matchColumnLabel(text, labels.columns, labels.moneyUnits)?.key).toBe(role);
  });

  it.each([
    ["产出指标"],
    ["开展调研次数"],
    ["单位名称"],
    ["满意度指标"],
    ["这是一段很长的说明文字而不是一个列标题指标值"],
    ["值"],
  ])("%s is no indicator column", (text) => {
    expect(matchColumnLabel(text, labels.columns, labels.moneyUnits)).toBeNull();
  });

  it.each([
    ["二级项目名称", "name", 2],
    ["一级项目名称", "name", 1],
    ["二级项目编码：", "code", 2],
    ["项目名称", "name", null],
  ])("a project level: %s is the %s label at level %s", (text, field, level) => {
    expect(matchHeaderLabel(text, labels)).toMatchObject({ field, level });
  });

  it.each([["一级指标"], ["二级预算单位"], ["三级"]])("a level before a non-project label is no label: %s", (text) => {
    expect(matchHeaderLabel(text, labels)).toBeNull();
  });

  it.each([
    ["省级财政安排", "fiscal"],
    ["本级财政资金", "fiscal"],
    ["市级财政", "fiscal"],
    ["中央补助安排", "superior"],
    ["上级补助资金", "superior"],
  ])("an amount label with its government level and verb: %s is %s", (text, field) => {
    expect(matchHeaderLabel(text, labels)?.field).toBe(field);
  });

  it.each([
    ["a variant character", "其中：其它资金", "other"],
    ["two things in one label", "年度主要目标和成果", "goals"],
    ["two things in one label", "项目名称及编码", "name"],
  ])("%s: %s is %s", (_name, text, field) => {
    expect(matchHeaderLabel(text, labels)?.field).toBe(field);
  });

  it("takes the department before the longest unit statement in a paragraph, without a glued unit word", () => {
    const stated = unitInParagraph("预算单位：奉节县云雾土家族乡人民政府　　金额单位：万元", labels);
    expect(stated?.unit).toBe("万元");
    expect(departmentIn(stated!.before, labels)).toBe("奉节县云雾土家族乡人民政府");
  });
});

const td = (text: string, attrs = ""): string => `<td${attrs ? ` ${attrs}` : ""}><p>${text}</p></td>`;
const tr = (...cells: string[]): string => `<tr>${cells.join("")}</tr>`;

describe("extract: a 项目库 form of label | value pairs with 一级/二级项目 and the indicators below", () => {
  const html = `<p>省级部门预算项目支出绩效目标表</p><table>
    ${tr(td("一级项目名称"), td("文化事业发展专项资金"), td("二级项目名称"), td("博物馆免费开放补助"))}
    ${tr(td("项目总投资"), td("20万元"), td("中央补助安排"), td("5万元"))}
    ${tr(td("省级财政安排"), td("15"), td("其他资金"), td("0"))}
    ${tr(td("预算申报数"), td("20万元"), td("资金性质"), td("一般公共预算"))}
    ${tr(td("年度绩效目标"), td("保障博物馆免费开放。", 'colspan="3"'))}
    ${tr(td("一级指标"), td("二级指标"), td("三级指标"), td("指标目标值"))}
    ${tr(td("产出指标"), td("数量指标"), td("免费开放天数"), td("=300天"))}
    ${tr(td("满意度指标"), td("服务对象满意度指标"), td("观众满意度"), td("≥99百分比"))}
  </table>`;
  const config = defaultConfig();
  const raw = extractProjects(parseDocumentHtml(html).value, config);
  const projects = raw.value.map((p) => normaliseProject(p, config).value);

  it("takes the deepest project level as the project and reads its amounts and goals", () => {
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({
      name: "博物馆免费开放补助",
      budget: { total: 200000, superior: 50000, other: 0 },
      goals: ["保障博物馆免费开放。"],
    });
  });

  it("reads the indicators under a 指标目标值 header", () => {
    expect(projects[0]!.indicators.map((i) => [i.level3, i.value.op, i.value.number, i.value.unit])).toEqual([
      ["免费开放天数", "=", 300, "天"],
      ["观众满意度", ">=", 99, "%"],
    ]);
  });
});

describe("extract: labels of a recognised table that nothing read", () => {
  const config = defaultConfig();
  const form = (extra: string) => `<table>
    ${tr(td("项目名称"), td("道路养护"), td("业务主管部门"), td("某某局"))}
    ${tr(td("项目负责人及电话"), td("王某 0379-1234567"), td("主管部门编码"), td("430182"))}
    ${tr(td("预算数"), td("12"), td(extra), td("这是我们没读的内容"))}
    ${tr(td("一级指标"), td("二级指标"), td("三级指标"), td("指标值"))}
    ${tr(td("产出指标"), td("数量指标"), td("养护里程"), td("≥30公里"))}
  </table>`;
  const read = (html: string) => {
    const raw = extractProjects(parseDocumentHtml(html).value, config);
    const projects = raw.value.map((p) => normaliseProject(p, config).value);
    return {
      warnings: raw.warnings,
      completeness: assessCompleteness({ projects, narrative: null, warnings: raw.warnings, error: null }),
    };
  };

  it("warns of an unknown label with its position, and the document is partial for it", () => {
    const { warnings, completeness } = read(form("资金来源说明"));
    expect(warnings.filter((w) => w.code === "unmapped-label")).toEqual([
      expect.objectContaining({
        at: { table: 0, row: 2, col: 2 },
        params: { table: 1, row: 3, label: "资金来源说明" },
      }),
    ]);
    expect(completeness.status).toBe("partial");
    expect(completeness.reasons.map((r) => r.code)).toContain("unmapped-labels");
  });

  it("is silent on labels known and not modelled, by their normal form (lead, 及, 编码)", () => {
    const { warnings, completeness } = read(form("项目属性"));
    expect(warnings.filter((w) => w.code === "unmapped-label")).toEqual([]);
    expect(completeness.reasons.map((r) => r.code)).not.toContain("unmapped-labels");
  });
});
