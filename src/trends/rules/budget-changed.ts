import { change, formatYuan, projectEvidence, projectLabel, type TrendRule } from "../change.js";
import { budgetChange, describeChange } from "./budget.js";

/** A continuing project whose 预算数 changed by more than the threshold (default 20%). */
export const budgetChanged: TrendRule = (step, ctx) => {
  const { earlier, later } = step;
  const ratio = budgetChange(step);
  const threshold = ctx.settings["trend-budget-changed"].threshold ?? 0;
  if (!earlier || !later || ratio === null || Math.abs(ratio) <= threshold) return [];
  return change("trend-budget-changed", ctx, {
    params: {
      project: projectLabel(later),
      from: formatYuan(earlier.budget.total),
      to: formatYuan(later.budget.total),
      change: describeChange(ratio),
    },
    project: later,
    indicator: null,
    from: earlier.budget.total,
    to: later.budget.total,
    earlier: projectEvidence(ctx.earlier, earlier),
    later: projectEvidence(ctx.later, later),
  });
};
