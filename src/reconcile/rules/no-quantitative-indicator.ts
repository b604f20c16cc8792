import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";
import { indicatorsAt, subjectIndicators } from "../subject.js";

/** A project none of whose (filled-in) indicators is quantitative: nothing in it can be measured. */
export const noQuantitativeIndicator: ProjectRule = (pair) => {
  const filled = subjectIndicators(pair).filter(({ indicator }) => indicator.value.raw !== "");
  if (filled.length === 0 || filled.some(({ indicator }) => indicator.value.kind === "quantitative")) return [];
  return [finding("no-quantitative-indicator", pair, { count: filled.length }, { at: indicatorsAt(pair) })];
};
