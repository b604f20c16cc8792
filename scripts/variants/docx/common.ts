/**
 * The reference layout (玉田县商务局 2025) rebuilt with the `docx` library, for the fixtures whose
 * variant lies elsewhere (the indicator columns, Part 1): a `N.项目绩效目标表` title, a borderless
 * `department | 单位：元` line, the 7-column header table and an indicator table below it.
 */
import type { Paragraph, Table } from "docx";
import { blank, type Cell, cont, mergeDown, p, sp, table, th, vm } from "../docx-kit.js";

/** The header fields of one reference-layout project, as written in the document. */
export interface ReferenceHeader {
  readonly title: string;
  readonly department: string;
  readonly unit: string;
  readonly code: string;
  readonly name: string;
  readonly total: string;
  readonly fiscal: string;
  readonly other: string;
  readonly purpose: string;
  /** 资金支出计划: period and percent, four of them. */
  readonly spendPlan: readonly (readonly [string, string])[];
  readonly goals: readonly string[];
}

const HEADER_WIDTHS = [1640, 1220, 1220, 1220, 1220, 1220, 1240];

/** Title line, department/unit line and header table of a reference-layout project. */
export function referenceHeader(h: ReferenceHeader): (Paragraph | Table)[] {
  const spans = [1, 2, 1, 2];
  const periods: Cell[] = h.spendPlan.map(([period], i) => sp(period, spans[i] ?? 1, "center"));
  const percents: Cell[] = h.spendPlan.map(([, percent], i) => sp(percent, spans[i] ?? 1, "center"));
  return [
    p(h.title),
    table([4500, 4500], [[h.department, sp(h.unit, 1, "right")]], { borderless: true }),
    table(HEADER_WIDTHS, [
      [th("项目编码"), sp(h.code, 2), th("项目名称"), sp(h.name, 3)],
      [vm("预算规模及资金用途"), "预算数", h.total, "其中：财政资金", h.fiscal, "其他资金", h.other],
      [cont(), sp(h.purpose, 6)],
      [vm("资金支出计划（%）"), ...periods],
      [cont(), ...percents],
      [th("绩效目标"), sp(h.goals.join("\n"), 6)],
    ]),
    blank(),
  ];
}

/** An indicator table: a header row, then rows with the first column (一级指标) merged vertically. */
export function indicatorTable(
  widths: readonly number[],
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  mergeColumns: readonly number[] = [0],
): Table {
  return table(widths, [headers.map((text) => th(text)), ...mergeDown(rows, mergeColumns)]);
}

const REFERENCE_INDICATOR_WIDTHS = [1150, 1450, 1800, 2000, 1300, 1300];
const REFERENCE_INDICATOR_HEADERS = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"];

/** The reference layout's indicator table: 一级 | 二级 | 三级 | 绩效指标描述 | 指标值 | 指标值确定依据. */
export function referenceIndicatorTable(rows: readonly (readonly string[])[]): Table {
  return indicatorTable(REFERENCE_INDICATOR_WIDTHS, REFERENCE_INDICATOR_HEADERS, rows);
}
