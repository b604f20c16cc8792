import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";
import { subjectIndicators } from "../subject.js";

/** A range written upper bound first (`30-20万元`): no value can satisfy it. */
export const invertedRange: ProjectRule = (pair) =>
  subjectIndicators(pair).flatMap(({ indicator, part, evidence }) => {
    const { value } = indicator;
    if (value.op !== "between" || value.number === null || value.upper === null || value.number <= value.upper)
      return [];
    return [
      finding(
        "inverted-range",
        pair,
        { part, name: indicatorName(indicator), raw: value.raw, lower: value.number, upper: value.upper },
        evidence,
      ),
    ];
  });
