import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** A 资金支出计划 whose cumulative percentages fall somewhere or do not end at 100%. */
export const spendPlanInvalid: ProjectRule = (pair) => {
  const plan = pair.table?.spendPlan ?? [];
  const percents = plan.flatMap((p) => (p.percent === null ? [] : [p.percent]));
  if (percents.length === 0) return [];
  const text = plan.map((p) => `${p.period} ${p.percent ?? "（空）"}%`).join("，");
  const problems = [
    percents.some((p, i) => i > 0 && p < percents[i - 1]!) ? "不是逐期递增的累计比例" : null,
    percents.at(-1) !== 100 ? "最后一期不是 100%" : null,
  ].filter((p): p is string => p !== null);
  return problems.length === 0
    ? []
    : [
        // At the plan's last entry: where it should reach 100%, or where the fall shows.
        finding("spend-plan-invalid", pair, { plan: text, problem: problems.join("，且") }, { at: plan.at(-1)!.at }),
      ];
};
