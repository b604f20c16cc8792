import { z } from "zod";
import type { Indicator, NarrativeIndicator } from "../../model/schema.js";
import type { RuleContext } from "../rule.js";

/** The categories whose indicators are money costs (成本指标 under 产出, 经济成本指标 under 成本 in 2021). */
export const costParams = z
  .object({
    categories: z.array(z.string().min(1)).min(1).default(["成本指标", "经济成本指标"]),
  })
  .strict();

/** Whether an indicator sits in one of the cost categories, at either level. */
export function isCost(i: Indicator | NarrativeIndicator, ctx: RuleContext, categories: readonly string[]): boolean {
  const wanted = new Set(categories.map((c) => ctx.categories.canonical(c) ?? c));
  const level2 = ctx.categories.canonical(i.level2);
  // Under a 成本指标 一级 only its 二级 decides (社会成本指标 is not money); without a 二级 the 一级 does.
  return level2 !== null ? wanted.has(level2) : wanted.has(ctx.categories.canonical(i.level1) ?? "");
}
