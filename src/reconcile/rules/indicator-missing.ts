import { formatIndicatorValue } from "../../normalise/value.js";
import { finding, indicatorName, oneSide } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** An indicator on one side of a linked project with no counterpart on the other. */
export const indicatorMissing: ProjectRule = (pair) => {
  if (!pair.narrative || !pair.table || pair.narrative.indicators.length === 0 || pair.table.indicators.length === 0)
    return [];
  return pair.indicators.flatMap(({ narrative, table }) => {
    const only = narrative && !table ? narrative : table && !narrative ? table : null;
    if (!only) return [];
    const rule = only === narrative ? "indicator-missing-in-table" : "indicator-missing-in-narrative";
    return [finding(rule, pair, { name: indicatorName(only), value: formatIndicatorValue(only.value) }, oneSide(only))];
  });
};
