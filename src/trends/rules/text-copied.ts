import { foldName } from "../../text.js";
import { change, goalsEvidence, projectEvidence, projectLabel, type TrendRule } from "../change.js";

/** A value as written, width and spaces aside: the operator counts (`≥95%` is not `>95%`). */
function asWritten(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/gu, "");
}

/**
 * A continuing project whose goal text, or whose whole indicator set (every name and value), is identical
 * to the year before: a submission copied forward rather than planned. One change for each.
 */
export const textCopied: TrendRule = (step, ctx) => {
  const { earlier, later } = step;
  if (!earlier || !later) return [];
  const goals = (g: readonly string[]) => foldName(g.join(""));
  const sameGoals = goals(later.goals) !== "" && goals(earlier.goals) === goals(later.goals);
  const sameIndicators =
    later.indicators.length > 0 &&
    step.indicators.every(
      (i) =>
        i.earlier !== null &&
        i.later !== null &&
        foldName(i.earlier.level3) === foldName(i.later.level3) &&
        asWritten(i.earlier.value.raw) === asWritten(i.later.value.raw),
    );
  const count = later.indicators.length;
  const project = projectLabel(later);
  return [
    ...(sameGoals
      ? change("trend-text-copied", ctx, {
          params: { project, what: "goals", count },
          project: later,
          indicator: null,
          from: earlier.goals.join("\n"),
          to: later.goals.join("\n"),
          earlier: goalsEvidence(ctx.earlier, earlier),
          later: goalsEvidence(ctx.later, later),
        })
      : []),
    ...(sameIndicators
      ? change("trend-text-copied", ctx, {
          params: { project, what: "indicators", count },
          project: later,
          indicator: null,
          from: count,
          to: count,
          earlier: projectEvidence(ctx.earlier, earlier),
          later: projectEvidence(ctx.later, later),
        })
      : []),
  ];
};
