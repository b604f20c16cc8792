import type { CellRef, Finding, ParagraphRef } from "../model/schema.js";

type Located = Pick<Finding, "narrative" | "table">;

/**
 * Links findings about the same thing: two findings share a group when they point at the same Part 1 sentence
 * or the same Part 2 cell (several rules on one indicator pair, or on one value). Returns each finding's group
 * id: the index of the group's first finding. A finding that points at nothing is a group of its own.
 */
export function groupFindings(findings: readonly Located[]): number[] {
  const parent = findings.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  const firstAt = new Map<string, number>();
  findings.forEach((f, i) => {
    for (const at of [f.narrative?.at, f.table?.at]) {
      if (!at) continue;
      const key = placeKey(at);
      const seen = firstAt.get(key);
      if (seen === undefined) firstAt.set(key, i);
      else {
        const [a, b] = [root(seen), root(i)];
        // The smaller index becomes the root, so a group's id is always its first finding.
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  return findings.map((_, i) => root(i));
}

function placeKey(at: CellRef | ParagraphRef): string {
  return "table" in at ? `t${at.table}:${at.row}:${at.col}` : `p${at.paragraph}:${at.seq ?? ""}`;
}
