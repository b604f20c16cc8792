import { finding } from "../finding.js";
import type { DocumentRule } from "../rule.js";

function sum(values: readonly (number | null)[]): number | null {
  return values.length === 0 || values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + v!, 0);
}

/** The narrative total differs from the sum of the narrative's project amounts or of the tables' 预算数. */
export const totalMismatch: DocumentRule = (ctx) => {
  const total = ctx.narrative?.totalBudget ?? null;
  if (total === null) return [];
  const narrativeSum = sum(ctx.narrative!.projects.map((p) => p.amount ?? p.listedAmount));
  const tableSum = sum(ctx.pairs.flatMap((p) => (p.table ? [p.table.budget.total] : [])));
  const checks = [
    { against: "narrative" as const, sum: narrativeSum },
    { against: "table" as const, sum: tableSum },
  ];
  return checks.flatMap(({ against, sum }) =>
    sum !== null && Math.abs(sum - total) >= 0.5
      ? [finding("total-mismatch", null, { total, against, sum: Math.round(sum * 100) / 100 })]
      : [],
  );
};
