import { z } from "zod";
import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";
import { subjectIndicators } from "../subject.js";
import { isDeadline } from "./deadline-after-year.js";
import { documentYear, indicatorFields, yearParams, yearsIn } from "./years.js";

export const yearMismatchParams = yearParams.extend({
  /** Words before a year that make it a baseline, not a target year (较2024年增长, 截至2024年底). */
  baselineWords: z.array(z.string().min(1)).default(["较", "比", "与", "同", "相比", "截至", "截止", "基于"]),
});

/**
 * A year other than the budget year in an indicator (`2024年度工作计划` in a 2025 document: a form copied from
 * last year) or in a goal line. One finding per indicator or goal, at its first such year; a 时效 value later than
 * the year is left to deadline-after-year.
 */
export const yearMismatch: ProjectRule = (pair, ctx) => {
  const params = ctx.rules.params("year-mismatch");
  const year = documentYear(ctx, params.year);
  if (year === null) return [];
  const stray = (text: string | null) => yearsIn(text, params.baselineWords).find((y) => y !== year);
  const indicatorFindings = subjectIndicators(pair).flatMap(({ indicator, part, evidence }) => {
    const deadline = isDeadline(indicator, ctx);
    for (const { where, text } of indicatorFields(indicator)) {
      const found = stray(text);
      if (found === undefined || (deadline && where === "指标值" && found > year)) continue;
      return [
        finding(
          "year-mismatch",
          pair,
          {
            part,
            where: `指标${indicatorName(indicator) ? `“${indicatorName(indicator)}”` : ""}的${where}`,
            year: found,
            documentYear: year,
            text,
          },
          evidence,
        ),
      ];
    }
    return [];
  });
  const goals = pair.table?.goals ?? [];
  const goalFindings = goals.flatMap((text) => {
    const found = stray(text);
    return found === undefined
      ? []
      : [
          finding(
            "year-mismatch",
            pair,
            { part: "table", where: "绩效目标", year: found, documentYear: year, text },
            { at: pair.table?.locations.goals ?? null },
          ),
        ];
  });
  return [...indicatorFindings, ...goalFindings];
};
