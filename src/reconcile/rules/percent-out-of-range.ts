import { z } from "zod";
import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";
import { subjectIndicators } from "../subject.js";

/** Which names are shares that cannot exceed 100% (满意度, 合格率, 覆盖率) and which are changes that can (增长率). */
export const percentOutOfRangeParams = z
  .object({
    bounded: z.array(z.string().min(1)).default(["率", "满意度", "比例", "占比"]),
    unbounded: z
      .array(z.string().min(1))
      .default(["增长", "增速", "增幅", "增加", "提高", "提升", "同比", "环比", "下降", "降低", "节约", "变化"]),
    max: z.number().positive().default(100),
  })
  .strict();

/** A percentage outside [0, max] on an indicator whose name says it is a share (满意度 ≥120%). */
export const percentOutOfRange: ProjectRule = (pair, ctx) => {
  const { bounded, unbounded, max } = ctx.rules.params("percent-out-of-range");
  return subjectIndicators(pair).flatMap(({ indicator, part, evidence }) => {
    const { value } = indicator;
    if (value.kind !== "quantitative" || value.unit !== "%" || value.number === null) return [];
    const numbers = [value.number, ...(value.upper === null ? [] : [value.upper])];
    if (numbers.every((n) => n >= 0 && n <= max)) return [];
    const name = indicatorName(indicator);
    const marker = bounded.find((m) => name.includes(m));
    if (marker === undefined || unbounded.some((m) => name.includes(m))) return [];
    return [finding("percent-out-of-range", pair, { part, name, raw: value.raw, marker, max }, evidence)];
  });
};
