import { foldName } from "../../text.js";
import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** The two parts call a linked project by different names. */
export const projectNameMismatch: ProjectRule = (pair) => {
  const narrative = pair.narrative?.name ?? null;
  const table = pair.table?.name ?? null;
  if (narrative === null || table === null || foldName(narrative) === foldName(table)) return [];
  return [finding("project-name-mismatch", pair, { narrative, table })];
};
