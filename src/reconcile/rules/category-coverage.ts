import { z } from "zod";
import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";
import { indicatorsAt, subjectIndicators } from "../subject.js";

/** The 一级指标 every project must cover; a category counts as present at either level (成本指标 under 产出指标). */
export const categoryCoverageParams = z
  .object({
    required: z.array(z.string().min(1)).min(1).default(["产出指标", "效益指标", "满意度指标"]),
  })
  .strict();

/** A project whose indicators leave out a required category (产出, 效益, 满意度; 成本 in the 2021 framework). */
export const categoryCoverage: ProjectRule = (pair, ctx) => {
  const indicators = subjectIndicators(pair);
  if (indicators.length === 0) return [];
  const { required } = ctx.rules.params("category-coverage");
  const present = new Set(
    indicators.flatMap(({ indicator }) => [
      ctx.categories.canonical(indicator.level1),
      ctx.categories.canonical(indicator.level2),
      ctx.categories.parentOf(indicator.level2 ?? ""),
    ]),
  );
  const missing = required.filter((c) => !present.has(ctx.categories.canonical(c) ?? c));
  if (missing.length === 0) return [];
  return [
    finding(
      "category-coverage",
      pair,
      { missing: missing.join("、"), required: required.join("、") },
      { at: indicatorsAt(pair) },
    ),
  ];
};
