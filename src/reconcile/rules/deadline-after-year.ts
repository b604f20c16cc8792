import { z } from "zod";
import type { Indicator, NarrativeIndicator } from "../../model/schema.js";
import { finding, indicatorName } from "../finding.js";
import type { ProjectRule, RuleContext } from "../rule.js";
import { subjectIndicators } from "../subject.js";
import { documentYear, yearParams, yearsIn } from "./years.js";

export const deadlineAfterYearParams = yearParams.extend({
  /** The 二级指标 whose values are deadlines. */
  categories: z.array(z.string().min(1)).default(["时效指标"]),
  /** Words that put a deadline in the following year without naming it. */
  laterWords: z.array(z.string().min(1)).default(["次年", "明年", "下一年", "下年度", "下一年度"]),
});

/** Whether an indicator is a 时效 (deadline) indicator. */
export function isDeadline(i: Indicator | NarrativeIndicator, ctx: RuleContext): boolean {
  const wanted = ctx.rules.params("deadline-after-year").categories.map((c) => ctx.categories.canonical(c) ?? c);
  return wanted.includes(ctx.categories.canonical(i.level2) ?? "");
}

/** A 时效 indicator whose deadline (`2026年6月底前`, `次年3月`) falls after the end of the budget year. */
export const deadlineAfterYear: ProjectRule = (pair, ctx) => {
  const params = ctx.rules.params("deadline-after-year");
  const year = documentYear(ctx, params.year);
  if (year === null) return [];
  return subjectIndicators(pair).flatMap(({ indicator, part, evidence }) => {
    if (!isDeadline(indicator, ctx)) return [];
    const raw = indicator.value.raw;
    const late = yearsIn(raw).some((y) => y > year) || params.laterWords.some((w) => raw.includes(w));
    return late
      ? [
          finding(
            "deadline-after-year",
            pair,
            { part, name: indicatorName(indicator), raw, documentYear: year },
            evidence,
          ),
        ]
      : [];
  });
};
