import { finding, indicatorName, oneSide, sides } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** A quantitative value whose unit we do not recognise (≥70内部), in either part. */
export const unknownUnit: ProjectRule = (pair) =>
  sides(pair).flatMap(({ part, indicators }) =>
    indicators.flatMap((i) =>
      i.value.unitKnown
        ? []
        : [
            finding(
              "unknown-unit",
              pair,
              { part, name: indicatorName(i), raw: i.value.raw, unit: i.value.unit },
              oneSide(i),
            ),
          ],
    ),
  );
