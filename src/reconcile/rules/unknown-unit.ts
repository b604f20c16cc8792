import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** A quantitative value whose unit we do not recognise (≥70内部), in either part. */
export const unknownUnit: ProjectRule = (pair) => [
  ...(pair.narrative?.indicators ?? []).flatMap((narrative) =>
    narrative.value.unitKnown
      ? []
      : [
          finding(
            "unknown-unit",
            pair,
            { part: "narrative", name: indicatorName(narrative), raw: narrative.value.raw, unit: narrative.value.unit },
            { narrative },
          ),
        ],
  ),
  ...(pair.table?.indicators ?? []).flatMap((table) =>
    table.value.unitKnown
      ? []
      : [
          finding(
            "unknown-unit",
            pair,
            { part: "table", name: indicatorName(table), raw: table.value.raw, unit: table.value.unit },
            { table },
          ),
        ],
  ),
];
