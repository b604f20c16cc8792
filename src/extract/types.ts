import type { CellRef } from "../model/schema.js";

/** A cell's text and where it was read. */
export interface RawField {
  readonly text: string;
  readonly lines: readonly string[];
  readonly at: CellRef;
}

/** A money unit or a department the document states, and where (null: in a paragraph above the tables). */
export interface MoneyUnit {
  readonly text: string;
  readonly at: CellRef | null;
}

/** The department a project's form is filled in by, as written, and where (null: in a paragraph). */
export type StatedDepartment = MoneyUnit;

/** One row of an indicator table, as written. */
export interface RawIndicatorRow {
  readonly level1: RawField | null;
  readonly level2: RawField | null;
  readonly level3: RawField | null;
  readonly description: RawField | null;
  readonly value: RawField | null;
  readonly basis: RawField | null;
  /** What the 指标值 column's header states in brackets (指标值（%）): a unit for a bare number, if it is one. */
  readonly headerUnit?: string | null;
  /** A separate 计量单位 column, completing the value. */
  readonly unit: RawField | null;
  /** A separate 指标性质 column (≥ ≤ = 定性), completing the value. */
  readonly nature: RawField | null;
  /** A 指标方向性 column (正向/反向), kept as written. */
  readonly direction: RawField | null;
  /** A 权重/分值 column. */
  readonly weight: RawField | null;
  readonly extra: Readonly<Record<string, string>>;
  /** The row's position: the value cell, or the row's first cell when there is no value column. */
  readonly at: CellRef;
}

/** A project's tables of Part 2, as written: text only, nothing parsed yet. */
export interface RawProject {
  readonly title: string | null;
  readonly department: StatedDepartment | null;
  /** The unit word after 单位： (元, 万元, …), or in a label (项目资金（万元）); at null when stated in a paragraph. */
  readonly moneyUnit: MoneyUnit | null;
  readonly code: RawField | null;
  readonly name: RawField | null;
  readonly total: RawField | null;
  /** The multi-year (中期/长期) total where the form gives one beside the year's. */
  readonly midTermTotal: RawField | null;
  readonly fiscal: RawField | null;
  readonly other: RawField | null;
  readonly superior: RawField | null;
  readonly purpose: RawField | null;
  readonly spendPlan: readonly { readonly period: RawField; readonly percent: RawField | null }[];
  readonly goals: RawField | null;
  readonly longTermGoals: RawField | null;
  /** A whole-department form (部门名称 … 年度履职目标) rather than a project's. */
  readonly kind: "project" | "department";
  readonly duties: readonly RawDuty[];
  readonly indicators: readonly RawIndicatorRow[];
  /** The 中期 set when the table holds 中期 and 年度 indicators side by side. */
  readonly midTermIndicators: readonly RawIndicatorRow[];
  /** The score the indicator block's caption states (年度绩效目标(90分)), else null. */
  readonly weightTotal: number | null;
  readonly tables: { readonly header: number | null; readonly indicators: number | null };
}

/** A 年度履职目标 row of a whole-department form, as written. */
export interface RawDuty {
  readonly function: RawField | null;
  readonly task: RawField | null;
  readonly item: RawField | null;
  readonly amount: RawField | null;
  readonly at: CellRef;
}
