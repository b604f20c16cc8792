import type { ProjectRule } from "../rule.js";
import { finding, indicatorName } from "../finding.js";

/** A paired indicator whose operator or number differ, or that is quantitative on one side and qualitative on the other. */
export const indicatorValueMismatch: ProjectRule = (pair) =>
  pair.indicators.flatMap(({ narrative, table }) => {
    if (!narrative || !table) return [];
    const a = narrative.value;
    const b = table.value;
    const bothQuantitative = a.kind === "quantitative" && b.kind === "quantitative";
    const differs = bothQuantitative ? a.op !== b.op || a.number !== b.number || a.upper !== b.upper : a.kind !== b.kind;
    if (!differs || a.raw === "" || b.raw === "") return [];
    return [finding("indicator-value-mismatch", pair, { name: indicatorName(table), narrative: a.raw, table: b.raw }, { narrative, table })];
  });
