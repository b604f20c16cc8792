import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** The narrative declares a number of indicators (下设11个二、三级指标, 三个一级指标) other than it lists. */
export const declaredCountMismatch: ProjectRule = (pair, ctx) => {
  const n = pair.narrative;
  if (!n || n.indicators.length === 0) return [];
  const level1 = new Set(
    n.indicators.flatMap((i) => (i.level1 ? [ctx.categories.canonical(i.level1) ?? i.level1] : [])),
  );
  const checks = [
    { what: "indicators" as const, declared: n.declaredIndicatorCount, listed: n.indicators.length },
    { what: "level1" as const, declared: n.declaredLevel1Count, listed: level1.size },
  ];
  return checks.flatMap(({ what, declared, listed }) =>
    declared !== null && declared !== listed
      ? [finding("declared-count-mismatch", pair, { what, declared, listed })]
      : [],
  );
};
