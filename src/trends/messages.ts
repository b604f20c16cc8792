import type { TrendRuleId } from "./schema.js";

/** The parameters each rule's message reads; a misspelt key does not compile. */
export interface TrendParams {
  "trend-project-added": { project: string; budget: string };
  "trend-project-ended": { project: string; budget: string };
  "trend-budget-changed": { project: string; from: string; to: string; change: string };
  "trend-outputs-flat": { project: string; change: string; count: number };
  "trend-target-lowered": { project: string; indicator: string; from: string; to: string };
  "trend-target-raised": { project: string; indicator: string; from: string; to: string };
  "trend-indicator-dropped": { project: string; indicator: string; value: string };
  "trend-indicator-added": { project: string; indicator: string; value: string };
  "trend-text-copied": { project: string; what: "goals" | "indicators"; count: number };
}

type Wording<K extends TrendRuleId> = { readonly title: string; readonly message: (p: TrendParams[K]) => string };

/** Each trend rule's Chinese title and the sentence a reader sees (the years are said by the change itself). */
export const TREND_MESSAGES: { readonly [K in TrendRuleId]: Wording<K> } = {
  "trend-project-added": {
    title: "新增项目",
    message: (p) => `新增项目“${p.project}”（预算 ${p.budget}），上一年度没有对应项目。`,
  },
  "trend-project-ended": {
    title: "项目不再列出",
    message: (p) => `上一年度的项目“${p.project}”（预算 ${p.budget}）本年度不再列出。`,
  },
  "trend-budget-changed": {
    title: "项目预算大幅变化",
    message: (p) => `项目“${p.project}”的预算由 ${p.from} 变为 ${p.to}（${p.change}）。`,
  },
  "trend-outputs-flat": {
    title: "预算变化而产出目标不变",
    message: (p) => `项目“${p.project}”的预算${p.change}，但全部 ${p.count} 项数量指标的目标值与上一年度相同。`,
  },
  "trend-target-lowered": {
    title: "指标目标要求降低",
    message: (p) => `项目“${p.project}”的指标“${p.indicator}”目标要求降低：由“${p.from}”调整为“${p.to}”。`,
  },
  "trend-target-raised": {
    title: "指标目标要求提高",
    message: (p) => `项目“${p.project}”的指标“${p.indicator}”目标要求提高：由“${p.from}”调整为“${p.to}”。`,
  },
  "trend-indicator-dropped": {
    title: "指标被删除",
    message: (p) => `项目“${p.project}”上一年度的指标“${p.indicator}”（${p.value}）本年度不再设置。`,
  },
  "trend-indicator-added": {
    title: "新增指标",
    message: (p) => `项目“${p.project}”新增指标“${p.indicator}”（${p.value}）。`,
  },
  "trend-text-copied": {
    title: "内容照搬上一年度",
    message: (p) =>
      p.what === "goals"
        ? `项目“${p.project}”的绩效目标与上一年度完全相同。`
        : `项目“${p.project}”的全部 ${p.count} 项指标（名称和指标值）与上一年度完全相同。`,
  },
};
