import { describe, expect, it } from "vitest";
import { defaultConfig, parseConfig } from "../../src/config/index.js";
import { inspectTables } from "../../src/extract/index.js";
import { parseDocumentHtml } from "../../src/grid/index.js";

const td = (text: string) => `<td><p>${text}</p></td>`;
const tr = (...cells: string[]) => `<tr>${cells.map(td).join("")}</tr>`;

const HTML = `
<table>${tr("某某局", "单位：万元")}</table>
<table>${tr("项目名称", "乡村道路养护", "项目全称", "乡村道路养护工程")}${tr("预算数", "12.5", "其中：财政资金", "12.5")}</table>
<table>${tr("一级指标", "二级指标", "考核内容", "预期目标", "备注")}${tr("产出指标", "数量指标", "养护里程", "≥30公里", "")}</table>`;

describe("inspectTables", () => {
  const doc = parseDocumentHtml(HTML).value;

  it("gives each table its role, the labels it matched and the unit row", () => {
    const [unitRow, header, indicators] = inspectTables(doc, defaultConfig());
    expect(unitRow).toMatchObject({ role: "unit-row", unit: { department: "某某局", unit: "万元" } });
    expect(header?.role).toBe("project-header");
    expect(header?.labels.map((l) => [l.text, l.field])).toEqual([
      ["项目名称", "name"],
      ["预算数", "total"],
      ["其中：财政资金", "fiscal"],
    ]);
    expect(indicators?.role).toBe("other");
  });

  it("lists the label-like cells nothing matched, where aliases are needed, but not the values of matched labels", () => {
    const [, header, indicators] = inspectTables(doc, defaultConfig());
    expect(header?.unmatched.map((u) => u.text)).toEqual(["项目全称"]);
    expect(indicators?.unmatched.map((u) => u.text)).toEqual(["考核内容", "预期目标"]);
  });

  it("does not list block captions, unit labels or columns known by the alias they end with", () => {
    const html = `<table>${tr("项目名称", "校舍维修", "项目资金申请(万元)", "30")}${tr("长期绩效指标", "", "", "")}${tr("一级指标", "二级指标", "绩效指标名称", "绩效指标值")}${tr("产出指标", "数量指标", "维修校舍", "≥10所")}</table>`;
    const [table] = inspectTables(parseDocumentHtml(html).value, defaultConfig());
    expect(table?.unmatched.map((u) => u.text)).toEqual([]);
  });

  it("does not list the values written under labels that stand side by side", () => {
    const html = `<table>${tr("项目名称", "校舍维修", "预算数", "30")}${tr("总体目标", "中期目标", "年度目标", "")}${tr("", "三年完成", "年内完成", "")}</table>`;
    const [table] = inspectTables(parseDocumentHtml(html).value, defaultConfig());
    expect(table?.unmatched.map((u) => u.text)).toEqual([]);
  });

  it("shows the columns a user's aliases map, with unknown columns kept as extra", () => {
    const config = parseConfig("indicatorColumns:\n  level3: [考核内容]\n  value: [预期目标]\n");
    const indicators = inspectTables(doc, config)[2]!;
    expect(indicators.role).toBe("indicators");
    expect(indicators.indicatorHeader?.columns.map((c) => [c.header, c.role ?? c.kept])).toEqual([
      ["一级指标", "level1"],
      ["二级指标", "level2"],
      ["考核内容", "level3"],
      ["预期目标", "value"],
      ["备注", "extra"],
    ]);
  });
});
