import { change, indicatorEvidence, projectLabel, type TrendRule } from "../change.js";

/** An indicator of a continuing project that the later year no longer sets. */
export const indicatorDropped: TrendRule = (step, ctx) => {
  const { earlier, later } = step;
  if (!earlier || !later) return [];
  return step.indicators.flatMap((i) => {
    if (!i.earlier || i.later) return [];
    const indicator = i.earlier.level3 ?? i.earlier.description ?? "";
    return change("trend-indicator-dropped", ctx, {
      params: { project: projectLabel(later), indicator, value: i.earlier.value.raw },
      project: later,
      indicator,
      from: i.earlier.value.raw,
      to: null,
      earlier: indicatorEvidence(ctx.earlier, i.earlier),
      later: null,
    });
  });
};
