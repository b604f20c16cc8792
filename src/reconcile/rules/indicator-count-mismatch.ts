import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** The narrative lists a different number of indicators than the table has rows. */
export const indicatorCountMismatch: ProjectRule = (pair) => {
  if (!pair.narrative || !pair.table || pair.narrative.indicators.length === 0) return [];
  const narrative = pair.narrative.indicators.length;
  const table = pair.table.indicators.length;
  return narrative === table ? [] : [finding("indicator-count-mismatch", pair, { narrative, table })];
};
