import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** Where a template has a 权重 column, a project's weights should sum to 100. */
export const weightsNot100: ProjectRule = (pair) => {
  const weights = (pair.table?.indicators ?? []).flatMap((i) => (i.weight === null ? [] : [i.weight]));
  if (weights.length === 0) return [];
  const sum = Math.round(weights.reduce((a, w) => a + w, 0) * 100) / 100;
  return Math.abs(sum - 100) < 0.01 ? [] : [finding("weights-not-100", pair, { sum, count: weights.length })];
};
