import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";
import { subjectIndicators } from "../subject.js";

/** An indicator with a name but no 指标值. */
export const valueEmpty: ProjectRule = (pair) =>
  subjectIndicators(pair).flatMap(({ indicator, part, evidence }) => {
    const name = indicatorName(indicator);
    return indicator.value.raw === "" && name !== "" ? [finding("value-empty", pair, { part, name }, evidence)] : [];
  });
