import type { Indicator, IndicatorValue, NarrativeIndicator } from "../../model/schema.js";
import { labelKey } from "../../text.js";
import { finding, indicatorName, oneSide, sides } from "../finding.js";
import type { ProjectRule, RuleContext } from "../rule.js";

const COST = "成本指标";

/** The upper limit of a money-valued 成本指标, in 元; null for any other indicator. */
function costLimit(i: Indicator | NarrativeIndicator, ctx: RuleContext): number | null {
  const isCost = ctx.categories.canonical(i.level2) === COST || ctx.categories.canonical(i.level1) === COST;
  const value: IndicatorValue = i.value;
  if (!isCost || value.kind !== "quantitative" || value.number === null || value.unit === null) return null;
  const factor = ctx.moneyUnits[labelKey(value.unit)];
  if (factor === undefined || !["<=", "<", "=", "between"].includes(value.op ?? "")) return null;
  return (value.op === "between" ? value.upper! : value.number) * factor;
}

/** The indicators whose cost limit is above the budget, with that limit. */
function overBudget<T extends Indicator | NarrativeIndicator>(
  indicators: readonly T[],
  budget: number | null,
  ctx: RuleContext,
): { indicator: T; limit: number }[] {
  if (budget === null) return [];
  return indicators.flatMap((indicator) => {
    const limit = costLimit(indicator, ctx);
    return limit !== null && limit > budget + 0.5 ? [{ indicator, limit: Math.round(limit * 100) / 100 }] : [];
  });
}

/** A 成本指标 whose limit is above the project's budget, in either part. */
export const costExceedsBudget: ProjectRule = (pair, ctx) =>
  sides(pair).flatMap(({ part, indicators, budget }) =>
    overBudget(indicators, budget, ctx).map(({ indicator, limit }) =>
      finding("cost-exceeds-budget", pair, { part, name: indicatorName(indicator), limit, budget }, oneSide(indicator)),
    ),
  );
