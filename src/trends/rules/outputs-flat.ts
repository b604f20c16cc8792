import type { Indicator } from "../../model/schema.js";
import { sameQuantity } from "../../reconcile/align.js";
import { change, projectEvidence, projectLabel, type TrendContext, type TrendRule } from "../change.js";
import { budgetChange, describeChange } from "./budget.js";

/** The 二级指标 of output quantities, in the vocabulary's words. */
const QUANTITY_CATEGORY = "数量指标";

function isQuantity(indicator: Indicator | null, ctx: TrendContext): boolean {
  return (
    indicator !== null &&
    indicator.value.kind === "quantitative" &&
    ctx.categories.canonical(indicator.level2) === QUANTITY_CATEGORY
  );
}

/**
 * A continuing project whose 预算数 changed by more than the threshold (default 20%) while every quantity
 * target (数量指标) stayed as it was: the same indicators, each with the same operator, number and unit.
 */
export const outputsFlat: TrendRule = (step, ctx) => {
  const { earlier, later } = step;
  const ratio = budgetChange(step);
  const threshold = ctx.settings["trend-outputs-flat"].threshold ?? 0;
  if (!earlier || !later || ratio === null || Math.abs(ratio) <= threshold) return [];
  const quantities = step.indicators.filter((i) => isQuantity(i.earlier, ctx) || isQuantity(i.later, ctx));
  const flat =
    quantities.length > 0 &&
    quantities.every((i) => i.earlier !== null && i.later !== null && sameQuantity(i.earlier.value, i.later.value));
  if (!flat) return [];
  return change("trend-outputs-flat", ctx, {
    params: { project: projectLabel(later), change: describeChange(ratio), count: quantities.length },
    project: later,
    indicator: null,
    from: earlier.budget.total,
    to: later.budget.total,
    earlier: { ...projectEvidence(ctx.earlier, earlier), text: quantityText(quantities.map((i) => i.earlier!)) },
    later: { ...projectEvidence(ctx.later, later), text: quantityText(quantities.map((i) => i.later!)) },
  });
};

/** The quantity targets as evidence text: `开展宣传活动次数 ≥4次；培训人次 ≥200人次`. */
function quantityText(list: readonly Indicator[]): string {
  return list.map((i) => `${i.level3 ?? ""} ${i.value.raw}`).join("；");
}
