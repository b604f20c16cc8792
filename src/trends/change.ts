import type { Department, Indicator } from "../model/schema.js";
import type { Categories } from "../normalise/categories.js";
import type { ProjectStep, TrendProjectInput } from "./link.js";
import { TREND_MESSAGES, type TrendParams } from "./messages.js";
import type { TrendChange, TrendEvidence, TrendRuleId, TrendsConfig } from "./schema.js";

/** One year of a department as the rules see it: its year and the document read for it. */
export interface YearSide {
  readonly year: number;
  readonly document: string;
}

/** What every trend rule may consult besides the project step it checks. */
export interface TrendContext {
  readonly department: Department;
  readonly earlier: YearSide;
  readonly later: YearSide;
  readonly categories: Categories;
  /** Factors to 元 of the money units, keyed by folded unit. */
  readonly moneyUnits: Readonly<Record<string, number>>;
  readonly settings: TrendsConfig;
}

/** A check of one project across two consecutive years. */
export type TrendRule = (step: ProjectStep, ctx: TrendContext) => TrendChange[];

/** The project's name as a reader knows it. */
export function projectLabel(project: TrendProjectInput): string {
  return project.name ?? project.title ?? project.code ?? "（未命名项目）";
}

/** An amount in 元 as a reader says it: `25万元`, `3,400元`; `（空）` when blank. */
export function formatYuan(yuan: number | null): string {
  if (yuan === null) return "（空）";
  if (Math.abs(yuan) >= 10_000) return `${Number((yuan / 10_000).toFixed(4))}万元`;
  return `${yuan.toLocaleString("en-US", { maximumFractionDigits: 2 })}元`;
}

/** The evidence of an indicator row: its place and the row's cells joined. */
export function indicatorEvidence(side: YearSide, indicator: Indicator): TrendEvidence {
  const cells = [indicator.level1, indicator.level2, indicator.level3, indicator.value.raw].map((c) => c ?? "");
  return { year: side.year, document: side.document, at: indicator.at, text: cells.join(" | ") };
}

/** The evidence of a project: where its code (else name) was read, its name and budget. */
export function projectEvidence(side: YearSide, project: TrendProjectInput): TrendEvidence {
  const at = project.locations.code ?? project.locations.name ?? null;
  const text = `${project.code ?? ""} ${projectLabel(project)} ${formatYuan(project.budget.total)}`.trim();
  return { year: side.year, document: side.document, at, text };
}

/** The evidence of a project's goal text. */
export function goalsEvidence(side: YearSide, project: TrendProjectInput): TrendEvidence {
  return {
    year: side.year,
    document: side.document,
    at: project.locations.goals ?? null,
    text: project.goals.join("\n"),
  };
}

/** What a change says beyond its rule's wording. */
export interface ChangeDetail<K extends TrendRuleId> {
  readonly params: TrendParams[K];
  readonly project: TrendProjectInput;
  readonly indicator: string | null;
  readonly from: string | number | null;
  readonly to: string | number | null;
  /** The earlier year's side; null when the change has nothing there (only the document is then given). */
  readonly earlier: TrendEvidence | null;
  readonly later: TrendEvidence | null;
}

/** Builds a change with the rule's wording and configured severity; none when the rule is off. */
export function change<K extends TrendRuleId>(rule: K, ctx: TrendContext, detail: ChangeDetail<K>): TrendChange[] {
  const setting = ctx.settings[rule];
  if (!setting.enabled) return [];
  const wording = TREND_MESSAGES[rule];
  return [
    {
      rule,
      category: "trend",
      severity: setting.severity,
      title: wording.title,
      message: wording.message(detail.params),
      department: ctx.department,
      project: { code: detail.project.code, name: detail.project.name ?? detail.project.title },
      indicator: detail.indicator,
      from: detail.from,
      to: detail.to,
      years: [ctx.earlier.year, ctx.later.year],
      evidence: {
        earlier: detail.earlier ?? { ...ctx.earlier, at: null, text: null },
        later: detail.later ?? { ...ctx.later, at: null, text: null },
      },
      params: { ...detail.params },
    },
  ];
}
