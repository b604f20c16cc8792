import type { ColumnName } from "./rows.js";
import { DOCUMENT_COLUMNS, FINDING_COLUMNS, INDICATOR_COLUMNS, PROJECT_COLUMNS, TREND_COLUMNS } from "./rows.js";
import type { SheetSpec } from "./xlsx-parts.js";

/**
 * The layout of batch.xlsx, as data: its sheets, column widths, amount formats and header notes. Shared by the
 * CLI's batch outputs (outputs.ts) and the web page, which builds the same workbook in memory.
 */

/** The workbook's sheets, in tab order, with the columns each shares with its CSV. */
export const SHEETS = {
  documents: { name: "文档", columns: DOCUMENT_COLUMNS },
  projects: { name: "项目", columns: PROJECT_COLUMNS },
  indicators: { name: "指标", columns: INDICATOR_COLUMNS },
  findings: { name: "问题", columns: FINDING_COLUMNS },
  trends: { name: "历年对比", columns: TREND_COLUMNS },
} as const;

/** Column widths in characters (a 汉字 counts about two). */
const COLUMN_WIDTHS = {
  文件: 32,
  单位: 26,
  状态: 8,
  失败原因: 40,
  未核对原因: 36,
  项目数: 9,
  指标数: 9,
  错误数: 9,
  警告数: 9,
  提示数: 9,
  读取提示数: 12,
  项目编码: 24,
  项目名称: 26,
  "预算数（元）": 16,
  "财政资金（元）": 16,
  "其他资金（元）": 16,
  "第一部分金额（元）": 20,
  问题数: 9,
  位置: 22,
  一级指标: 12,
  二级指标: 16,
  三级指标: 30,
  绩效指标描述: 30,
  指标值: 16,
  运算符: 8,
  数值: 12,
  上限: 12,
  "定性/定量": 10,
  指标值确定依据: 24,
  表格: 7,
  行: 6,
  列: 6,
  规则: 24,
  规则编号: 30,
  类别: 8,
  严重程度: 10,
  说明: 60,
  第一部分指标: 26,
  第一部分指标值: 16,
  第一部分位置: 18,
  第二部分指标: 26,
  第二部分指标值: 16,
  第二部分位置: 20,
  变化: 16,
  上年度: 8,
  本年度: 8,
  原值: 16,
  新值: 16,
  上年度文件: 32,
  本年度文件: 32,
  读取: 8,
  需核对原因: 50,
} satisfies Record<ColumnName, number>;

/** Header notes (Excel comments) on the columns whose meaning a reader might misjudge. */
const COLUMN_NOTES: Partial<Record<ColumnName, string>> = {
  表格: "表格在文档中的序号，从 1 开始（JSON 的 at.table 从 0 开始）。",
  行: "单元格所在行，从 1 开始，与报告和“问题”表的“第 N 行”一致（JSON 的 at.row 从 0 开始）。",
  列: "单元格所在列，从 1 开始，与报告和“问题”表的“第 N 列”一致（JSON 的 at.col 从 0 开始）。",
  规则编号: "规则的英文编号，与 JSON 中 finding.rule 相同；可用于在配置中开关规则。",
  未核对原因: "文档已读取，但第一部分与第二部分未能相互核对的原因：没有问题不等于已核对。",
};

/** Columns shown with thousands separators and two decimals; the cells stay plain numbers. */
const AMOUNT_COLUMNS: ReadonlySet<ColumnName> = new Set([
  "预算数（元）",
  "财政资金（元）",
  "其他资金（元）",
  "第一部分金额（元）",
]);

/** The workbook's creation date, fixed so its content does not depend on when the batch ran. */
export const WORKBOOK_DATE = new Date(0);

/** A sheet of the workbook: its columns' widths, formats and header notes from the layout tables above. */
export function sheetSpec(
  { name, columns }: { readonly name: string; readonly columns: readonly ColumnName[] },
  rows: SheetSpec["rows"],
): SheetSpec {
  return {
    name,
    columns: columns.map((c) => ({
      header: c,
      width: COLUMN_WIDTHS[c],
      amount: AMOUNT_COLUMNS.has(c),
      note: COLUMN_NOTES[c] ?? null,
    })),
    rows,
  };
}

/** The rows of each sheet of batch.xlsx (历年对比 only when the batch has year-over-year comparisons). */
export interface BatchSheetRows {
  readonly documents: SheetSpec["rows"];
  readonly projects: SheetSpec["rows"];
  readonly indicators: SheetSpec["rows"];
  readonly findings: SheetSpec["rows"];
  readonly trends: SheetSpec["rows"] | null;
}

/** The sheets of batch.xlsx in tab order: 文档, 项目, 指标, 问题, and 历年对比 last when there are trends. */
export function batchSheets(rows: BatchSheetRows): SheetSpec[] {
  return [
    sheetSpec(SHEETS.documents, rows.documents),
    sheetSpec(SHEETS.projects, rows.projects),
    sheetSpec(SHEETS.indicators, rows.indicators),
    sheetSpec(SHEETS.findings, rows.findings),
    ...(rows.trends ? [sheetSpec(SHEETS.trends, rows.trends)] : []),
  ];
}
