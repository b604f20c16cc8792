import type {
  CellRef,
  Finding,
  Indicator,
  IndicatorEvidence,
  NarrativeIndicator,
  ParagraphRef,
  Severity,
} from "../model/schema.js";
import type { ProjectPair } from "./align.js";
import { type Part, RULES, type RuleId, type RuleParams } from "./messages.js";

/** The evidence of a narrative indicator: its levels, value, location and sentence. */
export function narrativeEvidence(n: NarrativeIndicator): IndicatorEvidence {
  return {
    level1: n.level1,
    level2: n.level2,
    level3: n.level3,
    description: n.description,
    value: n.value,
    at: n.at,
    text: n.sentence,
  };
}

/** The evidence of a table row: its levels, value, the value cell and the row's cells joined. */
export function tableEvidence(t: Indicator): IndicatorEvidence {
  const cells = [t.level1, t.level2, t.level3, t.description, t.value.raw, t.basis].map((c) => c ?? "");
  return {
    level1: t.level1,
    level2: t.level2,
    level3: t.level3,
    description: t.description,
    value: t.value,
    at: t.at,
    text: cells.join(" | "),
  };
}

/** The project a finding belongs to: the table's code and name where there is a table, else the narrative name. */
export function projectOf(pair: ProjectPair | null): Finding["project"] {
  if (!pair) return null;
  return {
    code: pair.table?.code ?? null,
    name: pair.table?.name ?? pair.table?.title ?? pair.narrative?.name ?? null,
  };
}

/** A finding as a rule makes it; reconcile links related findings afterwards (`group`). */
export type RuleFinding = Omit<Finding, "group">;

/** The evidence of a finding: an indicator from either part, and/or a place for a finding about a whole project. */
export interface Evidence {
  readonly narrative?: NarrativeIndicator | null;
  readonly table?: Indicator | null;
  readonly at?: CellRef | ParagraphRef | null;
}

/** Builds a finding with the rule's category, wording and default severity; `params` are typed by the rule. */
export function finding<R extends RuleId>(
  rule: R,
  pair: ProjectPair | null,
  params: RuleParams<R>,
  evidence: Evidence = {},
  severity: Severity = RULES[rule].severity,
): RuleFinding {
  return {
    rule,
    category: RULES[rule].category,
    severity,
    project: projectOf(pair),
    message: (RULES[rule].message as (p: RuleParams<R>) => string)(params),
    narrative: evidence.narrative ? narrativeEvidence(evidence.narrative) : null,
    table: evidence.table ? tableEvidence(evidence.table) : null,
    at: evidence.at ?? null,
    params,
  };
}

/** A display name for an indicator: its 三级指标, else its 二级指标. */
export function indicatorName(i: { level2: string | null; level3: string | null }): string {
  return i.level3 ?? i.level2 ?? "";
}

/** One part of a project pair: its indicators and the amount it gives the project. */
export interface Side {
  readonly part: Part;
  readonly indicators: readonly (Indicator | NarrativeIndicator)[];
  readonly budget: number | null;
}

/** The two parts of a pair, Part 1 (narrative) first, for rules that check each part on its own. */
export function sides(pair: ProjectPair): readonly Side[] {
  return [
    {
      part: "narrative",
      indicators: pair.narrative?.indicators ?? [],
      budget: pair.narrative?.amount ?? pair.narrative?.listedAmount ?? null,
    },
    { part: "table", indicators: pair.table?.indicators ?? [], budget: pair.table?.budget.total ?? null },
  ];
}

/** The evidence of a finding about one indicator, on the side it stands (a narrative one has its sentence). */
export function oneSide(i: Indicator | NarrativeIndicator): { narrative: NarrativeIndicator } | { table: Indicator } {
  return "sentence" in i ? { narrative: i } : { table: i };
}

/** The rules about a paired indicator whose two sides differ in one respect. */
type ComparedRule =
  | "indicator-value-mismatch"
  | "indicator-unit-mismatch"
  | "indicator-category-mismatch"
  | "indicator-description-mismatch";

/** A finding on a paired indicator: named by the table's row, with what each side says and both as evidence. */
export function compared(
  rule: ComparedRule,
  pair: ProjectPair,
  narrative: NarrativeIndicator,
  table: Indicator,
  says: { narrative: string | null; table: string | null },
): RuleFinding {
  return finding(rule, pair, { name: indicatorName(table), ...says }, { narrative, table });
}
