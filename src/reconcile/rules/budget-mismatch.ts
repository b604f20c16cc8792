import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** The narrative's amount for a project differs from its table's 预算数. */
export const budgetMismatch: ProjectRule = (pair) => {
  const amount = pair.narrative?.amount ?? pair.narrative?.listedAmount ?? null;
  const total = pair.table?.budget.total ?? null;
  if (amount === null || total === null || Math.abs(amount - total) < 0.5) return [];
  return [finding("budget-mismatch", pair, { narrative: amount, table: total })];
};
