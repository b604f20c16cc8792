import type { Finding } from "../../src/model/schema.js";

export interface GoldenEntry {
  id: string;
  project: string;
  rules: string[];
  names: string[];
  required: boolean;
}
export interface GoldenFindings {
  entries: GoldenEntry[];
  mustNotFind: { rule: string }[];
}

/** The rule ids the audit issue names; a false alarm is scored only under these. */
export const SCORED_RULES = new Set([
  "budget-mismatch",
  "total-mismatch",
  "project-missing-in-table",
  "project-missing-in-narrative",
  "project-name-mismatch",
  "declared-count-mismatch",
  "indicator-count-mismatch",
  "indicator-missing-in-table",
  "indicator-missing-in-narrative",
  "indicator-value-mismatch",
  "indicator-unit-mismatch",
  "indicator-name-mismatch",
  "indicator-category-mismatch",
  "qualitative-value-mismatch",
  "spend-plan-invalid",
  "funding-split-mismatch",
  "cost-exceeds-budget",
  "unknown-unit",
  "duplicate-indicator",
]);

/** Whether a finding covers an entry, as the key's `about` defines it. */
export function covers(finding: Finding, entry: GoldenEntry): boolean {
  if (!entry.rules.includes(finding.rule)) return false;
  if (!(finding.project?.name ?? "").includes(entry.project)) return false;
  if (entry.names.length === 0) return true;
  const level3 = [finding.narrative?.level3, finding.table?.level3];
  return entry.names.some((name) => level3.includes(name));
}

export interface Score {
  readonly covered: string[];
  readonly missed: string[];
  readonly optionalCovered: string[];
  readonly falseAlarms: Finding[];
  readonly forbidden: Finding[];
  readonly unscored: Finding[];
}

/** Scores findings against an answer key. */
export function scoreFindings(findings: readonly Finding[], key: GoldenFindings): Score {
  const coveredBy = (entry: GoldenEntry) => findings.some((f) => covers(f, entry));
  const required = key.entries.filter((e) => e.required);
  const forbiddenRules = new Set(key.mustNotFind.map((m) => m.rule));
  return {
    covered: required.filter(coveredBy).map((e) => e.id),
    missed: required.filter((e) => !coveredBy(e)).map((e) => e.id),
    optionalCovered: key.entries.filter((e) => !e.required && coveredBy(e)).map((e) => e.id),
    falseAlarms: findings.filter(
      (f) => f.severity !== "info" && SCORED_RULES.has(f.rule) && !key.entries.some((e) => covers(f, e)),
    ),
    forbidden: findings.filter((f) => forbiddenRules.has(f.rule)),
    unscored: findings.filter((f) => !SCORED_RULES.has(f.rule)),
  };
}
