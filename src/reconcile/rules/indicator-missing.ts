import { formatIndicatorValue } from "../../normalise/value.js";
import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** An indicator on one side of a linked project with no counterpart on the other. */
export const indicatorMissing: ProjectRule = (pair) => {
  if (!pair.narrative || !pair.table || pair.narrative.indicators.length === 0 || pair.table.indicators.length === 0)
    return [];
  return pair.indicators.flatMap(({ narrative, table }) => {
    if (narrative && !table) {
      return [
        finding(
          "indicator-missing-in-table",
          pair,
          { name: indicatorName(narrative), value: formatIndicatorValue(narrative.value) },
          { narrative },
        ),
      ];
    }
    if (table && !narrative) {
      return [
        finding(
          "indicator-missing-in-narrative",
          pair,
          { name: indicatorName(table), value: formatIndicatorValue(table.value) },
          { table },
        ),
      ];
    }
    return [];
  });
};
