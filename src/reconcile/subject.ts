import type { CellRef, Indicator, NarrativeIndicator, ParagraphRef } from "../model/schema.js";
import type { ProjectPair } from "./align.js";
import type { Evidence } from "./finding.js";
import type { Part } from "./messages.js";

/** An indicator a quality rule judges, with the part it is in and the evidence a finding about it carries. */
export interface SubjectIndicator {
  readonly indicator: Indicator | NarrativeIndicator;
  /** Which part the indicator is in. */
  readonly part: Part;
  readonly evidence: Evidence;
}

/**
 * The indicators of record of a project: its Part 2 table's when it has one (the targets as submitted),
 * else its Part 1 sentences. A quality rule judges these, so a defect both parts repeat is reported once;
 * whether the parts agree is the consistency rules' business.
 */
export function subjectIndicators(pair: ProjectPair): SubjectIndicator[] {
  if (pair.table)
    return pair.table.indicators.map((table) => ({
      indicator: table,
      part: "table" as const,
      evidence: { table },
    }));
  return (pair.narrative?.indicators ?? []).map((narrative) => ({
    indicator: narrative,
    part: "narrative" as const,
    evidence: { narrative },
  }));
}

/** Where a finding about a project's indicators as a whole points: its indicator table, else its Part 1 section. */
export function indicatorsAt(pair: ProjectPair): CellRef | ParagraphRef | null {
  const table = pair.table?.tables.indicators ?? null;
  if (table !== null) return { table, row: 0, col: 0 };
  return pair.narrative?.at ?? null;
}
