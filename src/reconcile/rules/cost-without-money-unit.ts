import { labelKey } from "../../text.js";
import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";
import { subjectIndicators } from "../subject.js";
import { isCost } from "./cost.js";

/** A cost indicator whose value names no money unit (`≤100%`, `控制在预算内`), so its ceiling cannot be checked. */
export const costWithoutMoneyUnit: ProjectRule = (pair, ctx) => {
  const { categories } = ctx.rules.params("cost-without-money-unit");
  return subjectIndicators(pair).flatMap(({ indicator, part, evidence }) => {
    const { value } = indicator;
    if (!isCost(indicator, ctx, categories) || value.raw === "") return [];
    if (value.unit !== null && ctx.moneyUnits[labelKey(value.unit)] !== undefined) return [];
    return [
      finding("cost-without-money-unit", pair, { part, name: indicatorName(indicator), raw: value.raw }, evidence),
    ];
  });
};
