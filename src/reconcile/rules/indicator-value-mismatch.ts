import { compared } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/**
 * A paired indicator whose operator or number differ, that is quantitative on one side and qualitative on
 * the other, or whose value is blank on one side only.
 */
export const indicatorValueMismatch: ProjectRule = (pair) =>
  pair.indicators.flatMap(({ narrative, table }) => {
    if (!narrative || !table) return [];
    const a = narrative.value;
    const b = table.value;
    const bothQuantitative = a.kind === "quantitative" && b.kind === "quantitative";
    // A value left blank on one side only is a contradiction too: the other side states a target.
    const oneBlank = (a.raw === "") !== (b.raw === "");
    const differs =
      oneBlank ||
      (bothQuantitative
        ? a.op !== b.op || a.number !== b.number || a.upper !== b.upper
        : a.kind !== b.kind && a.raw !== "");
    if (!differs) return [];
    return [
      compared("indicator-value-mismatch", pair, narrative, table, { narrative: a.raw || null, table: b.raw || null }),
    ];
  });
