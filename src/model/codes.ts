/**
 * The stable ids of findings and warnings, and the shape of their message parameters. The id lists are the
 * enums of the JSON schema (`Finding.rule`, `Warning.code`); each id's wording and typed parameters live in one
 * table keyed by id (reconcile/messages.ts for rules, model/warnings.ts for warnings).
 */

/** Every reconciliation rule id. A new rule adds its id here, its entry in `RULES` and its rule file. */
export const RULE_IDS = [
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
  "indicator-description-mismatch",
  "spend-plan-invalid",
  "funding-split-mismatch",
  "cost-exceeds-budget",
  "unknown-unit",
  "duplicate-indicator",
  "weights-not-100",
  "template-placeholder",
] as const;

/** The stable id of a reconciliation rule. */
export type RuleId = (typeof RULE_IDS)[number];

/** Every warning code a stage can raise. A new warning adds its code here and its entry in `WARNINGS`. */
export const WARNING_CODES = [
  "reader-message",
  "unrecognised-element",
  "unmapped-style",
  "converted-by-libreoffice",
  "macros-ignored",
  "hidden-sheet",
  "sheet-truncated",
  "ragged-row",
  "nested-table",
  "missing-field",
  "missing-indicator-table",
  "orphan-indicator-table",
  "unparsed-amount",
  "unknown-money-unit",
  "unmapped-label",
  "unmapped-column",
  "no-part2",
  "no-part1",
  "narrative-sentence-unparsed",
] as const;

/** The stable id of a warning. */
export type WarningCode = (typeof WARNING_CODES)[number];

/** A message parameter's value: what a finding's or warning's `params` can hold in the JSON. */
export type ParamValue = string | number | boolean | null;

/** A message without parameters. */
export type NoParams = Readonly<Record<string, never>>;

/**
 * The constraint on a wording table's entries: a message of the code's own parameter type. `(p: never)` accepts a
 * message of any parameter type; the per-code type is read back with {@link ParamsOf}.
 */
export type MessageFn = (p: never) => string;

/** The parameter type of a message function. */
export type ParamsOf<F> = F extends (p: infer P) => string ? P : never;

/**
 * The parameter argument of a builder: optional when the code takes no parameters, required otherwise, so a
 * missing, extra or misspelt parameter is a compile error.
 */
export type ParamsArg<P> = Record<string, never> extends P ? [params?: P] : [params: P];
