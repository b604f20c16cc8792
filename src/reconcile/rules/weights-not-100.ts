import { z } from "zod";
import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

export const weightsParams = z
  .object({
    /** What the weights of a project must add up to. */
    total: z.number().positive().default(100),
  })
  .strict();

/**
 * Where a template has a 权重 column, a project's weights should sum to the total (100), or to the score the
 * indicator block's caption states (年度绩效目标(90分), the other 10 points scored outside the table).
 */
export const weightsNot100: ProjectRule = (pair, ctx) => {
  const total = pair.table?.weightTotal ?? ctx.rules.params("weights-not-100").total;
  const weights = (pair.table?.indicators ?? []).flatMap((i) => (i.weight === null ? [] : [i.weight]));
  if (weights.length === 0) return [];
  const sum = Math.round(weights.reduce((a, w) => a + w, 0) * 100) / 100;
  return Math.abs(sum - total) < 0.01 ? [] : [finding("weights-not-100", pair, { sum, total, count: weights.length })];
};
