import { foldName } from "../../text.js";
import { finding, indicatorName, oneSide, sides } from "../finding.js";
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
export const duplicateIndicator: ProjectRule = (pair) =>
  sides(pair).flatMap(({ part, indicators }) =>
    duplicates(indicators).map((group) =>
      finding(
        "duplicate-indicator",
        pair,
        { part, name: indicatorName(group[0]!), count: group.length },
        oneSide(group[1]!),
      ),
    ),
  );
