import { finding } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** A project on one side only: a narrative section without a table, or a table the narrative never mentions. */
export const projectMissing: ProjectRule = (pair, ctx) => {
  if (pair.narrative && !pair.table) return [finding("project-missing-in-table", pair, { name: pair.narrative.name })];
  // Without any Part 1 project sections there is nothing to be missing from: that is reported once as no-part1.
  if (!pair.narrative && pair.table && (ctx.narrative?.projects.length ?? 0) > 0) {
    return [finding("project-missing-in-narrative", pair, { name: pair.table.name ?? pair.table.title })];
  }
  return [];
};
