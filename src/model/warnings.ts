import type { MessageFn, NoParams, ParamsArg, ParamsOf, WarningCode } from "./codes.js";
import type { CellRef, ParagraphRef, Warning } from "./schema.js";

/** A message the reader (mammoth) gave, passed on. */
type Said = { message: string };

/** How a converted container is named to the reader. */
const FORMAT_NAMES = {
  doc: "旧版 .doc",
  rtf: "RTF",
  odt: "OpenDocument（.odt）",
  wps: "WPS",
  xls: "旧版 Excel（.xls/.et）",
  ods: "OpenDocument 表格（.ods）",
} as const satisfies Record<ConvertedFormat, string>;

/** The containers LibreOffice converts before reading. */
type ConvertedFormat = "doc" | "rtf" | "odt" | "wps" | "xls" | "ods";

/** Every warning a stage can raise, with its severity and its Chinese wording built from its typed parameters. */
export const WARNINGS = {
  "reader-message": {
    severity: "warning",
    message: (p: { type: string; message: string }) => `Word 转换提示：${p.message}`,
  },
  "unrecognised-element": {
    severity: "warning",
    message: (p: Said) => `Word 文档含有无法识别的元素，其中的文字可能丢失：${p.message}`,
  },
  "unmapped-style": {
    severity: "info",
    message: (p: Said) => `Word 样式未映射（只影响格式，文字已保留）：${p.message}`,
  },
  "converted-by-libreoffice": {
    severity: "info",
    message: (p: { format: ConvertedFormat }) =>
      `${FORMAT_NAMES[p.format]} 文件已用 LibreOffice 转换为 ${p.format === "xls" || p.format === "ods" ? ".xlsx" : ".docx"} 后读取。`,
  },
  "macros-ignored": {
    severity: "info",
    message: (_: NoParams) =>
      "文件含有宏（vbaProject.bin）；宏从不运行，只读取文档内容。 (The file carries macros; they are never run.)",
  },
  "hidden-sheet": {
    severity: "info",
    message: (p: { sheet: string }) => `工作表“${p.sheet}”已隐藏，未读取。 (Hidden sheet not read.)`,
  },
  "sheet-truncated": {
    severity: "warning",
    message: (p: { sheet: string }) =>
      `工作表“${p.sheet}”超过读取上限（行或列过多），超出部分未读取。 (The sheet exceeds the size limit; the rest was not read.)`,
  },
  "ragged-row": {
    severity: "warning",
    message: (p: { table: number; row: number; expected: number; actual: number }) =>
      `表格 ${p.table} 第 ${p.row} 行的单元格宽度为 ${p.actual}，与表格宽度 ${p.expected} 不符；已按原样保留，空缺处补空单元格。`,
  },
  "nested-table": {
    severity: "info",
    message: (p: { table: number; parent: number }) =>
      `表格 ${p.table} 嵌套在表格 ${p.parent} 的单元格中，已作为单独表格读取。`,
  },
  "missing-field": {
    severity: "warning",
    message: (p: { project: string; field: string }) => `项目“${p.project}”的表格中没有找到“${p.field}”。`,
  },
  "missing-indicator-table": {
    severity: "warning",
    message: (p: { project: string }) => `项目“${p.project}”没有找到对应的绩效指标表。`,
  },
  "orphan-indicator-table": {
    severity: "warning",
    message: (p: { table: number }) => `表格 ${p.table} 是绩效指标表，但前面没有对应的项目表。`,
  },
  "unparsed-amount": {
    severity: "warning",
    message: (p: { field: string; raw: string }) => `“${p.field}”的金额“${p.raw}”无法识别为数字。`,
  },
  "unknown-money-unit": {
    severity: "warning",
    message: (p: { raw: string }) => `金额单位“${p.raw}”无法识别，金额按“元”处理。`,
  },
  "unmapped-label": {
    severity: "warning",
    message: (p: { table: number; row: number; label: string }) =>
      `表格 ${p.table} 第 ${p.row} 行的“${p.label}”像是标签，但没有对应到任何字段，其内容未读取。`,
  },
  "unmapped-column": {
    severity: "info",
    message: (p: { header: string }) => `指标表的列“${p.header}”未对应到已知字段，已原样保存在 extra 中。`,
  },
  "no-part2": {
    severity: "warning",
    message: (_: NoParams) => "文档中没有找到第二部分的项目表格。",
  },
  "no-part1": {
    severity: "warning",
    message: (_: NoParams) => "文档中没有找到第一部分（文字说明）的项目绩效指标。",
  },
  "narrative-sentence-unparsed": {
    severity: "warning",
    message: (p: { sentence: string }) => `第一部分的指标句无法拆分：${p.sentence}`,
  },
} satisfies Record<WarningCode, { severity: Warning["severity"]; message: MessageFn }>;

export type { WarningCode };

/** The parameters of a warning's message (and of its `params`), typed per code. */
export type WarningParams<C extends WarningCode> = ParamsOf<(typeof WARNINGS)[C]["message"]>;

/** Builds a warning from its code, where it happened and its parameters (typed by the code). */
export function warning<C extends WarningCode>(
  code: C,
  at: CellRef | ParagraphRef | null = null,
  ...[params]: ParamsArg<WarningParams<C>>
): Warning {
  const entry = WARNINGS[code];
  const p = params ?? ({} as WarningParams<C>);
  return {
    code,
    severity: entry.severity,
    message: (entry.message as (p: WarningParams<C>) => string)(p),
    at,
    params: p,
  };
}
