import { change, formatYuan, projectEvidence, projectLabel, type TrendRule } from "../change.js";

/** A project of the earlier year with no counterpart the year after. */
export const projectEnded: TrendRule = (step, ctx) => {
  const { earlier, later } = step;
  if (!earlier || later) return [];
  return change("trend-project-ended", ctx, {
    params: { project: projectLabel(earlier), budget: formatYuan(earlier.budget.total) },
    project: earlier,
    indicator: null,
    from: projectLabel(earlier),
    to: null,
    earlier: projectEvidence(ctx.earlier, earlier),
    later: null,
  });
};
