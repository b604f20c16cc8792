/**
 * The reference's family (Hebei-style 部门预算绩效文本): Part 1 paragraphs and the Part 2 reference layout,
 * written once as data so each corpus fixture of the family only lists its department, projects and
 * wording. Part 2 can be written by the docx library (../variants/docx/common.ts) or as HTML for LibreOffice.
 */
import type { ReferenceHeader } from "../variants/docx/common.js";
import { cs, type HtmlCellOrCovered, heading, htmlTable, mergeRows, para, rs } from "./html-kit.js";

/** One project of a family fixture: its Part 2 header fields and indicator rows. */
export interface FamilyProject {
  readonly header: ReferenceHeader;
  /** 一级 | 二级 | 三级 | 绩效指标描述 | 指标值 | 指标值确定依据. */
  readonly rows: readonly (readonly string[])[];
}

const INDICATOR_HEADERS = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"];

/**
 * The reference header table as HTML: 项目编码/项目名称, 预算规模及资金用途 over two rows, 资金支出计划（%）
 * over two rows, 绩效目标. The department line is a borderless two-cell table, or a paragraph with a tab
 * between department and unit when `departmentAsParagraph`.
 */
export function referenceHeaderHtml(h: ReferenceHeader, departmentAsParagraph = false): string[] {
  const spans = [1, 2, 1, 2];
  const periods: HtmlCellOrCovered[] = h.spendPlan.map(([period], i) => cs(period, spans[i] ?? 1));
  const percents: HtmlCellOrCovered[] = h.spendPlan.map(([, percent], i) => cs(percent, spans[i] ?? 1));
  return [
    para(h.title),
    departmentAsParagraph
      ? `<p style="text-indent:0">${h.department}\t${h.unit}</p>`
      : htmlTable([[h.department, { text: h.unit, align: "right" }]], { borderless: true }),
    htmlTable([
      ["项目编码", cs(h.code, 2), "项目名称", cs(h.name, 3)],
      [rs("预算规模及资金用途", 2), "预算数", h.total, "其中：财政资金", h.fiscal, "其他资金", h.other],
      [null, cs(h.purpose, 6)],
      [rs("资金支出计划（%）", 2), ...periods],
      [null, ...percents],
      ["绩效目标", cs(h.goals.join("\n"), 6)],
    ]),
    para(""),
  ];
}

/** The reference indicator table as HTML, 一级指标 merged down. */
export function referenceIndicatorHtml(rows: readonly (readonly string[])[]): string {
  return htmlTable([INDICATOR_HEADERS, ...mergeRows(rows, [0])]);
}

/** A whole family document as HTML: Part 1 paragraphs as given, then each project's header and indicator table. */
export function familyHtmlBody(part1: readonly string[], projects: readonly FamilyProject[]): string[] {
  return [
    ...part1,
    heading("第二部分"),
    heading("预算项目绩效目标"),
    ...projects.flatMap((p) => [
      ...referenceHeaderHtml(p.header),
      ...(p.rows.length > 0 ? [referenceIndicatorHtml(p.rows), para("")] : []),
    ]),
  ];
}
