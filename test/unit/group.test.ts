import { describe, expect, it } from "vitest";
import type { CellRef, Finding, ParagraphRef } from "../../src/model/schema.js";
import { groupFindings } from "../../src/reconcile/group.js";

const side = (at: CellRef | ParagraphRef) => ({
  level1: null,
  level2: null,
  level3: "指标",
  description: null,
  value: null,
  at,
  text: null,
});
const located = (narrative: ParagraphRef | null, table: CellRef | null): Pick<Finding, "narrative" | "table"> => ({
  narrative: narrative === null ? null : side(narrative),
  table: table === null ? null : side(table),
});

describe("groupFindings", () => {
  const sentence = { paragraph: 20, seq: 5 };
  const cell = { table: 8, row: 5, col: 4 };

  it("links findings on the same pair, and a value's finding to the pair that shares its cell", () => {
    const groups = groupFindings([
      located(null, null), // a count mismatch: nothing to share
      located(sentence, cell), // unit mismatch on the pair
      located({ paragraph: 20, seq: 6 }, { table: 8, row: 6, col: 4 }), // another pair
      located(null, cell), // unknown unit on the table value
      located(sentence, cell), // category mismatch on the same pair
      located(null, null),
    ]);
    expect(groups).toEqual([0, 1, 2, 1, 1, 5]);
  });

  it("joins chains to the first finding, whichever order they arrive in", () => {
    const groups = groupFindings([
      located({ paragraph: 1, seq: 1 }, null),
      located(null, { table: 2, row: 1, col: 4 }),
      located({ paragraph: 1, seq: 1 }, { table: 2, row: 1, col: 4 }),
    ]);
    expect(groups).toEqual([0, 0, 0]);
  });

  it("keeps a sentence and a cell with the same numbers apart", () => {
    expect(
      groupFindings([located({ paragraph: 3, seq: 1 }, null), located(null, { table: 3, row: 1, col: 0 })]),
    ).toEqual([0, 1]);
  });
});
