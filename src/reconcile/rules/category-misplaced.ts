import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";
import { subjectIndicators } from "../subject.js";

/** A 二级指标 listed under a 一级指标 it does not belong to (服务对象满意度指标 under 效益指标). */
export const categoryMisplaced: ProjectRule = (pair, ctx) =>
  subjectIndicators(pair).flatMap(({ indicator, part, evidence }) => {
    const level1 = ctx.categories.canonical(indicator.level1);
    const level2 = indicator.level2 === null ? null : ctx.categories.canonical(indicator.level2);
    if (level1 === null || level2 === null || !ctx.categories.isLevel1(level1) || level1 === level2) return [];
    const expected = ctx.categories.parentOf(level2);
    // A 二级 name that is also a 一级 (成本指标 under 产出 or on its own) fits under either.
    if (expected === null || expected === level1 || ctx.categories.isLevel1(level2)) return [];
    return [
      finding(
        "category-misplaced",
        pair,
        { part, name: indicatorName(indicator), level1: indicator.level1, level2: indicator.level2, expected },
        evidence,
      ),
    ];
  });
