import type { CellRef, ParagraphRef, Warning } from "./schema.js";

type Params = Record<string, string | number | boolean | null>;

/** Every warning a stage can raise, with its severity and its Chinese wording. */
const WARNINGS = {
  "reader-message": {
    severity: "warning",
    message: (p: Params) => `Word 转换提示：${p.message}`,
  },
  "unrecognised-element": {
    severity: "warning",
    message: (p: Params) => `Word 文档含有无法识别的元素，其中的文字可能丢失：${p.message}`,
  },
  "unmapped-style": {
    severity: "info",
    message: (p: Params) => `Word 样式未映射（只影响格式，文字已保留）：${p.message}`,
  },
  "converted-by-libreoffice": {
    severity: "info",
    message: (p: Params) => `${p.format === "rtf" ? "RTF" : "旧版 .doc"} 文件已用 LibreOffice 转换为 .docx 后读取。`,
  },
  "ragged-row": {
    severity: "warning",
    message: (p: Params) =>
      `表格 ${p.table} 第 ${p.row} 行的单元格宽度为 ${p.actual}，与表格宽度 ${p.expected} 不符；已按原样保留，空缺处补空单元格。`,
  },
  "nested-table": {
    severity: "info",
    message: (p: Params) => `表格 ${p.table} 嵌套在表格 ${p.parent} 的单元格中，已作为单独表格读取。`,
  },
  "missing-field": {
    severity: "warning",
    message: (p: Params) => `项目“${p.project}”的表格中没有找到“${p.field}”。`,
  },
  "missing-indicator-table": {
    severity: "warning",
    message: (p: Params) => `项目“${p.project}”没有找到对应的绩效指标表。`,
  },
  "orphan-indicator-table": {
    severity: "warning",
    message: (p: Params) => `表格 ${p.table} 是绩效指标表，但前面没有对应的项目表。`,
  },
  "unparsed-amount": {
    severity: "warning",
    message: (p: Params) => `“${p.field}”的金额“${p.raw}”无法识别为数字。`,
  },
  "unknown-money-unit": {
    severity: "warning",
    message: (p: Params) => `金额单位“${p.raw}”无法识别，金额按“元”处理。`,
  },
  "unmapped-column": {
    severity: "info",
    message: (p: Params) => `指标表的列“${p.header}”未对应到已知字段，已原样保存在 extra 中。`,
  },
  "no-part2": {
    severity: "warning",
    message: () => "文档中没有找到第二部分的项目表格。",
  },
  "no-part1": {
    severity: "warning",
    message: () => "文档中没有找到第一部分（文字说明）的项目绩效指标。",
  },
  "narrative-sentence-unparsed": {
    severity: "warning",
    message: (p: Params) => `第一部分的指标句无法拆分：${p.sentence}`,
  },
  "annotation-unplaced": {
    severity: "warning",
    message: (p: Params) =>
      `批注版文档中有 ${p.count} 条批注未能定位到原文位置，已放在文档第一段：${p.reason} (comments not anchored in place)`,
  },
  "annotation-failed": {
    severity: "warning",
    message: (p: Params) => `未能生成批注版文档：${p.message} (the annotated copy could not be written)`,
  },
} satisfies Record<string, { severity: Warning["severity"]; message: (p: Params) => string }>;

/** The stable id of a warning. */
export type WarningCode = keyof typeof WARNINGS;

/** Builds a warning from its code, where it happened and its parameters. */
export function warning(code: WarningCode, at: CellRef | ParagraphRef | null = null, params: Params = {}): Warning {
  const entry = WARNINGS[code];
  return { code, severity: entry.severity, message: entry.message(params), at, params };
}
