import { foldName } from "../../text.js";
import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** A paired indicator named differently in the two parts; info only where decoration such as （%） differs. */
export const indicatorNameMismatch: ProjectRule = (pair) =>
  pair.indicators.flatMap(({ narrative, table }) => {
    if (!narrative || !table || narrative.level3 === table.level3) return [];
    const decorationOnly = foldName(narrative.level3) === foldName(table.level3);
    return [
      finding(
        "indicator-name-mismatch",
        pair,
        { narrative: narrative.level3, table: table.level3, decorationOnly },
        { narrative, table },
        decorationOnly ? "info" : "warning",
      ),
    ];
  });
