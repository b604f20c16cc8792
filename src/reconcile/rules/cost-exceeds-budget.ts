import { labelKey } from "../../extract/labels.js";
import type { IndicatorValue } from "../../model/schema.js";
import type { ProjectRule, RuleContext } from "../rule.js";
import { finding, indicatorName } from "../finding.js";

const COST = "成本指标";

function isCost(i: { level1: string | null; level2: string | null }, ctx: RuleContext): boolean {
  return ctx.categories.canonical(i.level2) === COST || ctx.categories.canonical(i.level1) === COST;
}

/** The upper limit of a money-valued cost indicator, in 元. */
function limitInYuan(value: IndicatorValue, ctx: RuleContext): number | null {
  if (value.kind !== "quantitative" || value.number === null || value.unit === null) return null;
  const factor = ctx.moneyUnits[labelKey(value.unit)];
  if (factor === undefined || !["<=", "<", "=", "between"].includes(value.op ?? "")) return null;
  return (value.op === "between" ? value.upper! : value.number) * factor;
}

/** A 成本指标 whose limit is above the project's budget, in either part. */
export const costExceedsBudget: ProjectRule = (pair, ctx) => {
  const sides = [
    { part: "第一部分", budget: pair.narrative?.amount ?? null, indicators: pair.narrative?.indicators ?? [], side: "narrative" as const },
    { part: "第二部分表格", budget: pair.table?.budget.total ?? null, indicators: pair.table?.indicators ?? [], side: "table" as const },
  ];
  return sides.flatMap(({ part, budget, indicators, side }) =>
    budget === null
      ? []
      : indicators.flatMap((i) => {
          const limit = isCost(i, ctx) ? limitInYuan(i.value, ctx) : null;
          if (limit === null || limit <= budget + 0.5) return [];
          const evidence = side === "narrative" ? { narrative: i as never } : { table: i as never };
          return [finding("cost-exceeds-budget", pair, { part, name: indicatorName(i), limit: Math.round(limit * 100) / 100, budget }, evidence)];
        }),
  );
};
