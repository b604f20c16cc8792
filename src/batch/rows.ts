import type { ComparisonOp, CompletenessStatus, IndicatorEvidence, JixiaoDocument } from "../model/schema.js";
import {
  buildReportView,
  CATEGORY_LABELS,
  locationLabel,
  type ProjectView,
  projectName,
  type ReportView,
  ruleTitle,
  SEVERITY_LABELS,
  UNCHECKED_LABEL,
} from "../render/report.js";
import type { TrendsReport } from "../trends/schema.js";
import type { DocumentStatus, DocumentSummary } from "./types.js";

/** One cell of a batch table: numbers stay numbers, `null` is an empty cell. */
export type Cell = string | number | null;

/** A row keyed by the column headers `C`, so a sheet and a CSV built from the same list cannot disagree. */
export type Row<C extends readonly string[]> = { readonly [K in C[number]]: Cell };

/** The columns of the 文档 sheet: one row per input, processed or not. */
export const DOCUMENT_COLUMNS = [
  "文件",
  "单位",
  "状态",
  "失败原因",
  "未核对原因",
  "项目数",
  "指标数",
  "错误数",
  "警告数",
  "提示数",
  "读取提示数",
  "读取",
  "需核对原因",
] as const;
export type DocumentRow = Row<typeof DOCUMENT_COLUMNS>;

/** The columns of the 项目 sheet: one row per Part 2 project. */
export const PROJECT_COLUMNS = [
  "文件",
  "项目编码",
  "项目名称",
  "预算数（元）",
  "财政资金（元）",
  "其他资金（元）",
  "第一部分金额（元）",
  "指标数",
  "问题数",
  "位置",
] as const;
export type ProjectRow = Row<typeof PROJECT_COLUMNS>;

/** The columns of the 指标 sheet and `indicators.csv`: one row per Part 2 indicator. */
export const INDICATOR_COLUMNS = [
  "文件",
  "项目编码",
  "项目名称",
  "一级指标",
  "二级指标",
  "三级指标",
  "绩效指标描述",
  "指标值",
  "运算符",
  "数值",
  "上限",
  "单位",
  "定性/定量",
  "指标值确定依据",
  "表格",
  "行",
  "列",
] as const;
export type IndicatorRow = Row<typeof INDICATOR_COLUMNS>;

/** The columns of the 问题 sheet and `findings.csv`: one row per finding. */
export const FINDING_COLUMNS = [
  "文件",
  "规则",
  "规则编号",
  "类别",
  "严重程度",
  "项目编码",
  "项目名称",
  "说明",
  "第一部分指标",
  "第一部分指标值",
  "第一部分位置",
  "第二部分指标",
  "第二部分指标值",
  "第二部分位置",
] as const;
export type FindingRow = Row<typeof FINDING_COLUMNS>;

/** The columns of the 历年对比 sheet: one row per change between two years of a department (trends.json). */
export const TREND_COLUMNS = [
  "单位",
  "项目编码",
  "项目名称",
  "三级指标",
  "规则",
  "变化",
  "严重程度",
  "上年度",
  "本年度",
  "原值",
  "新值",
  "说明",
  "上年度文件",
  "本年度文件",
] as const;
export type TrendRow = Row<typeof TREND_COLUMNS>;

/** Every column header used by any batch table. */
export type ColumnName =
  | (typeof DOCUMENT_COLUMNS)[number]
  | (typeof PROJECT_COLUMNS)[number]
  | (typeof INDICATOR_COLUMNS)[number]
  | (typeof FINDING_COLUMNS)[number]
  | (typeof TREND_COLUMNS)[number];

/** The reader's word for how processing an input ended. */
export const STATUS_LABELS = { ok: "成功", failed: "失败", timeout: "超时" } satisfies Record<DocumentStatus, string>;

/** The reader's word for how completely a document was read ("需核对": something is knowingly missing). */
export const COMPLETENESS_LABELS = {
  complete: "完整",
  partial: "需核对",
  unread: "未读取",
} satisfies Record<CompletenessStatus, string>;

/** Operators as a reader writes them; `=` is full-width so a spreadsheet never reads the cell as a formula. */
export const OPERATOR_LABELS = {
  ">=": "≥",
  "<=": "≤",
  ">": ">",
  "<": "<",
  "=": "＝",
  between: "区间",
} satisfies Record<ComparisonOp, string>;

const KIND_LABELS = { quantitative: "定量", qualitative: "定性" } as const;

/** The values of a row in column order, for positional writers. */
export function rowValues<C extends readonly string[]>(columns: C, row: Row<C>): Cell[] {
  return columns.map((c: C[number]) => row[c]);
}

/**
 * How an input's processing ended, for the reader: 成功, 失败, 超时, or 未核对 for a document that was read but
 * whose Part 1 and Part 2 could not be compared (so it never reads as a clean success).
 */
export function statusLabel(summary: Pick<DocumentSummary, "status" | "unchecked">): string {
  return summary.status === "ok" && summary.unchecked.length > 0 ? UNCHECKED_LABEL : STATUS_LABELS[summary.status];
}

/**
 * The 文档 row of one input. Counts are left empty for an input that was not processed, so a failed file
 * never reads as "0 indicators".
 */
export function documentRow(summary: DocumentSummary): DocumentRow {
  const count = (n: number): number | null => (summary.status === "ok" ? n : null);
  return {
    文件: summary.source,
    单位: summary.department,
    状态: statusLabel(summary),
    失败原因: summary.error?.message ?? null,
    未核对原因: summary.unchecked.length > 0 ? summary.unchecked.join("；") : null,
    项目数: count(summary.projects),
    指标数: count(summary.indicators),
    错误数: count(summary.findings.error),
    警告数: count(summary.findings.warning),
    提示数: count(summary.findings.info),
    读取提示数: count(summary.warnings),
    读取: COMPLETENESS_LABELS[summary.completeness],
    需核对原因: summary.completenessReasons.length > 0 ? summary.completenessReasons.join("\n") : null,
  };
}

/**
 * One 项目 row per Part 2 project, with the amount of its linked Part 1 section and the number of findings
 * the audit report groups under it (matched by code, else name, as in the per-document reports). `view` is the
 * document's report view, when the caller has built it already.
 */
export function projectRows(
  summary: DocumentSummary,
  doc: JixiaoDocument,
  view: ReportView = buildReportView(doc),
): ProjectRow[] {
  const shownAt = byTable(view);
  return doc.projects.map((project, i) => {
    const shown = shownAt.get(i);
    const at = project.locations.code ?? project.locations.name ?? null;
    const place =
      at !== null ? locationLabel(at) : project.tables.header !== null ? `表 ${project.tables.header + 1}` : null;
    return {
      文件: summary.source,
      项目编码: project.code,
      项目名称: shown ? projectName(shown) : project.name,
      "预算数（元）": project.budget.total,
      "财政资金（元）": project.budget.fiscal,
      "其他资金（元）": project.budget.other,
      "第一部分金额（元）": shown?.narrative?.amount ?? null,
      指标数: project.indicators.length,
      问题数: shown?.findings.length ?? 0,
      位置: place,
    };
  });
}

/**
 * One 指标 row per Part 2 indicator; 表格/行/列 are the value cell's coordinates counted from 1, as the reports
 * show them (the JSON's `at` counts from 0). `view` as for {@link projectRows}.
 */
export function indicatorRows(
  summary: DocumentSummary,
  doc: JixiaoDocument,
  view: ReportView = buildReportView(doc),
): IndicatorRow[] {
  const shownAt = byTable(view);
  return doc.projects.flatMap((project, i) => {
    const shown = shownAt.get(i);
    const name = shown ? projectName(shown) : project.name;
    return project.indicators.map(
      (indicator): IndicatorRow => ({
        文件: summary.source,
        项目编码: project.code,
        项目名称: name,
        一级指标: indicator.level1,
        二级指标: indicator.level2,
        三级指标: indicator.level3,
        绩效指标描述: indicator.description,
        指标值: indicator.value.raw,
        运算符: indicator.value.op === null ? null : OPERATOR_LABELS[indicator.value.op],
        数值: indicator.value.number,
        上限: indicator.value.upper,
        单位: indicator.value.unit,
        "定性/定量": KIND_LABELS[indicator.value.kind],
        指标值确定依据: indicator.basis,
        表格: indicator.at.table + 1,
        行: indicator.at.row + 1,
        列: indicator.at.col + 1,
      }),
    );
  });
}

/** One 问题 row per finding, in the document's order, with both sides' indicator, value and 1-based location. */
export function findingRows(summary: DocumentSummary, doc: JixiaoDocument): FindingRow[] {
  return doc.findings.map((finding) => {
    const narrative = side(finding.narrative);
    const table = side(finding.table);
    return {
      文件: summary.source,
      规则: ruleTitle(finding.rule),
      规则编号: finding.rule,
      类别: CATEGORY_LABELS[finding.category],
      严重程度: SEVERITY_LABELS[finding.severity],
      项目编码: finding.project?.code ?? null,
      项目名称: finding.project?.name ?? null,
      说明: finding.message,
      第一部分指标: narrative.name,
      第一部分指标值: narrative.value,
      第一部分位置: narrative.place,
      第二部分指标: table.name,
      第二部分指标值: table.value,
      第二部分位置: table.place,
    };
  });
}

/** The report's project views by the index of their Part 2 table in `doc.projects`. */
function byTable(view: ReportView): Map<number, ProjectView> {
  return new Map(view.projects.flatMap((p) => (p.tableIndex === null ? [] : [[p.tableIndex, p] as const])));
}

function side(evidence: IndicatorEvidence | null): { name: string | null; value: string | null; place: string | null } {
  if (evidence === null) return { name: null, value: null, place: null };
  return {
    name: evidence.level3 ?? evidence.description,
    value: evidence.value?.raw ?? null,
    place: evidence.at === null ? null : locationLabel(evidence.at),
  };
}

/** One 历年对比 row per change of trends.json, in its order; amounts stay numbers (元), targets as written. */
export function trendRows(report: TrendsReport): TrendRow[] {
  return report.changes.map((c) => ({
    单位: `${c.department.code ?? ""}${c.department.name}`,
    项目编码: c.project.code,
    项目名称: c.project.name,
    三级指标: c.indicator,
    规则: c.rule,
    变化: c.title,
    严重程度: SEVERITY_LABELS[c.severity],
    上年度: c.years[0],
    本年度: c.years[1],
    原值: c.from,
    新值: c.to,
    说明: c.message,
    上年度文件: c.evidence.earlier.document,
    本年度文件: c.evidence.later.document,
  }));
}
