import { foldName } from "../../text.js";
import { compared } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** A paired indicator with the same operator and number but a different unit (≥2次 vs ≥2个). */
export const indicatorUnitMismatch: ProjectRule = (pair) =>
  pair.indicators.flatMap(({ narrative, table }) => {
    if (!narrative || !table) return [];
    const a = narrative.value;
    const b = table.value;
    if (a.kind !== "quantitative" || b.kind !== "quantitative") return [];
    if (a.op !== b.op || a.number !== b.number || a.upper !== b.upper || foldName(a.unit) === foldName(b.unit))
      return [];
    return [compared("indicator-unit-mismatch", pair, narrative, table, { narrative: a.raw, table: b.raw })];
  });
