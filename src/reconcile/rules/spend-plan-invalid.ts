import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** A 资金支出计划 whose cumulative percentages fall somewhere or do not end at 100%. */
export const spendPlanInvalid: ProjectRule = (pair) => {
  const plan = pair.table?.spendPlan ?? [];
  const percents = plan.flatMap((p) => (p.percent === null ? [] : [p.percent]));
  if (percents.length === 0) return [];
  const text = plan.map((p) => `${p.period} ${p.percent ?? "（空）"}%`).join("，");
  const falls = percents.some((p, i) => i > 0 && p < percents[i - 1]!);
  const notComplete = percents.at(-1) !== 100;
  return falls || notComplete ? [finding("spend-plan-invalid", pair, { plan: text, falls, notComplete })] : [];
};
