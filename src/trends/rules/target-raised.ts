import { change, indicatorEvidence, projectLabel, type TrendRule } from "../change.js";
import { targetMove } from "./target.js";

/** The same indicator with a stricter target than the year before (≥90% → ≥95%; a cost cap ≤35万 → ≤30万). */
export const targetRaised: TrendRule = (step, ctx) =>
  step.indicators.flatMap((i) => {
    if (!step.later || !i.earlier || !i.later || targetMove(i.earlier, i.later, ctx) !== "raised") return [];
    const indicator = i.later.level3 ?? i.earlier.level3 ?? "";
    return change("trend-target-raised", ctx, {
      params: { project: projectLabel(step.later), indicator, from: i.earlier.value.raw, to: i.later.value.raw },
      project: step.later,
      indicator,
      from: i.earlier.value.raw,
      to: i.later.value.raw,
      earlier: indicatorEvidence(ctx.earlier, i.earlier),
      later: indicatorEvidence(ctx.later, i.later),
    });
  });
