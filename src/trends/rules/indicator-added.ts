import { change, indicatorEvidence, projectLabel, type TrendRule } from "../change.js";

/** An indicator of a continuing project that the earlier year did not set. */
export const indicatorAdded: TrendRule = (step, ctx) => {
  const { earlier, later } = step;
  if (!earlier || !later) return [];
  return step.indicators.flatMap((i) => {
    if (i.earlier || !i.later) return [];
    const indicator = i.later.level3 ?? i.later.description ?? "";
    return change("trend-indicator-added", ctx, {
      params: { project: projectLabel(later), indicator, value: i.later.value.raw },
      project: later,
      indicator,
      from: null,
      to: i.later.value.raw,
      earlier: null,
      later: indicatorEvidence(ctx.later, i.later),
    });
  });
};
