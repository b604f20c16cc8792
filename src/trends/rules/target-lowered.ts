import { change, indicatorEvidence, projectLabel, type TrendRule } from "../change.js";
import { targetMove } from "./target.js";

/** The same indicator with a looser target than the year before (≥95% → ≥90%; a cost cap ≤30万 → ≤35万). */
export const targetLowered: TrendRule = (step, ctx) =>
  step.indicators.flatMap((i) => {
    if (!step.later || !i.earlier || !i.later || targetMove(i.earlier, i.later, ctx) !== "lowered") return [];
    const indicator = i.later.level3 ?? i.earlier.level3 ?? "";
    return change("trend-target-lowered", ctx, {
      params: { project: projectLabel(step.later), indicator, from: i.earlier.value.raw, to: i.later.value.raw },
      project: step.later,
      indicator,
      from: i.earlier.value.raw,
      to: i.later.value.raw,
      earlier: indicatorEvidence(ctx.earlier, i.earlier),
      later: indicatorEvidence(ctx.later, i.later),
    });
  });
