import { foldName } from "../../text.js";
import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";

function duplicates<T extends { level2: string | null; level3: string | null }>(items: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = foldName(indicatorName(item));
    if (key !== "") groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** The same indicator name twice in one part of one project. */
export const duplicateIndicator: ProjectRule = (pair) => [
  ...duplicates(pair.narrative?.indicators ?? []).map((group) =>
    finding(
      "duplicate-indicator",
      pair,
      { part: "narrative", name: indicatorName(group[0]!), count: group.length },
      { narrative: group[1]! },
    ),
  ),
  ...duplicates(pair.table?.indicators ?? []).map((group) =>
    finding(
      "duplicate-indicator",
      pair,
      { part: "table", name: indicatorName(group[0]!), count: group.length },
      { table: group[1]! },
    ),
  ),
];
