import { foldName } from "../../text.js";
import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";
import { similarity } from "../similarity.js";

/** Below this similarity two qualitative values say different things (a warning); above it, they are reworded (info). */
const REWORDED = 0.6;

/** A paired qualitative indicator whose texts differ. */
export const qualitativeValueMismatch: ProjectRule = (pair) =>
  pair.indicators.flatMap(({ narrative, table }) => {
    if (!narrative || !table || narrative.value.kind !== "qualitative" || table.value.kind !== "qualitative") return [];
    const a = foldName(narrative.value.raw);
    const b = foldName(table.value.raw);
    if (a === b || a === "" || b === "") return [];
    const close = similarity(a, b);
    return [
      finding(
        "qualitative-value-mismatch",
        pair,
        {
          name: indicatorName(table),
          narrative: narrative.value.raw,
          table: table.value.raw,
          similarity: Math.round(close * 100) / 100,
        },
        { narrative, table },
        close >= REWORDED ? "info" : "warning",
      ),
    ];
  });
