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
import { RULES, type RuleId, type RuleParams } from "./messages.js";

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
