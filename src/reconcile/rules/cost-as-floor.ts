import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";
import { subjectIndicators } from "../subject.js";
import { isCost } from "./cost.js";

const FLOOR = new Set([">=", ">"]);

/** A cost indicator written as a floor (≥, >, 不低于): a cost is a ceiling to keep under. */
export const costAsFloor: ProjectRule = (pair, ctx) => {
  const { categories } = ctx.rules.params("cost-as-floor");
  return subjectIndicators(pair).flatMap(({ indicator, part, evidence }) =>
    isCost(indicator, ctx, categories) && FLOOR.has(indicator.value.op ?? "")
      ? [
          finding(
            "cost-as-floor",
            pair,
            { part, name: indicatorName(indicator), raw: indicator.value.raw, op: indicator.value.op },
            evidence,
          ),
        ]
      : [],
  );
};
