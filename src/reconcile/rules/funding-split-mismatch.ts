import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** 财政资金 + 其他资金 (+ 上级资金) ≠ 预算数; a blank part counts as 0. */
export const fundingSplitMismatch: ProjectRule = (pair) => {
  const budget = pair.table?.budget;
  if (!budget || budget.total === null || budget.fiscal === null) return [];
  const other = (budget.other ?? 0) + (budget.superior ?? 0);
  if (Math.abs(budget.fiscal + other - budget.total) < 0.5) return [];
  return [finding("funding-split-mismatch", pair, { fiscal: budget.fiscal, other, total: budget.total })];
};
