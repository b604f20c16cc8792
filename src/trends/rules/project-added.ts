import { change, formatYuan, projectEvidence, projectLabel, type TrendRule } from "../change.js";

/** A project of the later year with no counterpart the year before. */
export const projectAdded: TrendRule = (step, ctx) => {
  const { earlier, later } = step;
  if (earlier || !later) return [];
  return change("trend-project-added", ctx, {
    params: { project: projectLabel(later), budget: formatYuan(later.budget.total) },
    project: later,
    indicator: null,
    from: null,
    to: projectLabel(later),
    earlier: null,
    later: projectEvidence(ctx.later, later),
  });
};
