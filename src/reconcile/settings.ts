import { z } from "zod";
import { type Finding, type Severity, SeveritySchema } from "../model/schema.js";
import { RULES, type RuleId } from "./messages.js";
import { categoryCoverageParams } from "./rules/category-coverage.js";
import { copiedIndicatorParams } from "./rules/copied-indicator.js";
import { costParams } from "./rules/cost.js";
import { deadlineAfterYearParams } from "./rules/deadline-after-year.js";
import { percentOutOfRangeParams } from "./rules/percent-out-of-range.js";
import { templatePlaceholderParams } from "./rules/template-placeholder.js";
import { weightsParams } from "./rules/weights-not-100.js";
import { yearMismatchParams } from "./rules/year-mismatch.js";

const NoParams = z.object({}).strict();

/**
 * Every rule's options (the `params` of its entry in config/rules.yaml; not its message's parameters) as a zod
 * schema with defaults (thresholds, word lists); a rule without any takes
 * none. Keyed by rule id, so a new rule does not compile until it is listed here.
 */
export const RULE_OPTIONS = {
  "budget-mismatch": NoParams,
  "total-mismatch": NoParams,
  "project-missing-in-table": NoParams,
  "project-missing-in-narrative": NoParams,
  "project-name-mismatch": NoParams,
  "declared-count-mismatch": NoParams,
  "indicator-count-mismatch": NoParams,
  "indicator-missing-in-table": NoParams,
  "indicator-missing-in-narrative": NoParams,
  "indicator-value-mismatch": NoParams,
  "indicator-unit-mismatch": NoParams,
  "indicator-name-mismatch": NoParams,
  "indicator-category-mismatch": NoParams,
  "qualitative-value-mismatch": NoParams,
  "indicator-description-mismatch": NoParams,
  "spend-plan-invalid": NoParams,
  "funding-split-mismatch": NoParams,
  "cost-exceeds-budget": NoParams,
  "unknown-unit": NoParams,
  "duplicate-indicator": NoParams,
  "weights-not-100": weightsParams,
  "template-placeholder": templatePlaceholderParams,
  "category-coverage": categoryCoverageParams,
  "category-misplaced": NoParams,
  "percent-out-of-range": percentOutOfRangeParams,
  "inverted-range": NoParams,
  "cost-as-floor": costParams,
  "cost-without-money-unit": costParams,
  "no-quantitative-indicator": NoParams,
  "value-empty": NoParams,
  "basis-empty": NoParams,
  "copied-indicator": copiedIndicatorParams,
  "year-mismatch": yearMismatchParams,
  "deadline-after-year": deadlineAfterYearParams,
} satisfies Record<RuleId, z.ZodObject>;

/** The parameters of each rule, as its code reads them. */
export type RuleOptions = { [K in RuleId]: z.infer<(typeof RULE_OPTIONS)[K]> };

/** How one rule runs: on or off, how loudly, with which parameters. */
export interface RuleSetting<K extends RuleId = RuleId> {
  readonly enabled: boolean;
  readonly severity: Severity;
  readonly params: RuleOptions[K];
}

/** The whole rule set: one setting per rule id. Plain data, so it crosses worker threads. */
export type RuleSettings = { readonly [K in RuleId]: RuleSetting<K> };

/** The schema of a complete rule set (every rule, every parameter resolved). */
export const RuleSettingsSchema = z
  .object(
    Object.fromEntries(
      (Object.keys(RULE_OPTIONS) as RuleId[]).map((id) => [
        id,
        z.object({ enabled: z.boolean(), severity: SeveritySchema, params: RULE_OPTIONS[id] }).strict(),
      ]),
    ) as {
      [K in RuleId]: z.ZodObject<{
        enabled: z.ZodBoolean;
        severity: typeof SeveritySchema;
        params: (typeof RULE_OPTIONS)[K];
      }>;
    },
  )
  .strict();

let builtIn: RuleSettings | undefined;

/**
 * The built-in rule set: every rule on, at its default severity, with its default parameters. It is what
 * config/rules.yaml spells out (a test keeps the two equal); it lives in code so the library needs no file.
 */
export function defaultRuleSettings(): RuleSettings {
  builtIn ??= Object.fromEntries(
    (Object.keys(RULE_OPTIONS) as RuleId[]).map((id) => [
      id,
      { enabled: true, severity: RULES[id].severity, params: RULE_OPTIONS[id].parse({}) },
    ]),
  ) as unknown as RuleSettings;
  return builtIn;
}

/** The rule set as a rule sees it: its own parameters, typed by its id. */
export interface RuleSet {
  readonly settings: RuleSettings;
  params<K extends RuleId>(rule: K): RuleOptions[K];
}

/** Wraps settings for the rules' context. */
export function ruleSet(settings: RuleSettings = defaultRuleSettings()): RuleSet {
  return { settings, params: (rule) => settings[rule].params };
}

/**
 * Applies the rule set to the findings the rules raised: drops those of rules turned off and sets the
 * configured severity. A rule that grades its findings case by case (indicator-name-mismatch is info where
 * only （%） differs) keeps its own grading while the configured severity is its default one.
 */
export function applyRuleSettings<F extends Pick<Finding, "rule" | "severity">>(
  findings: readonly F[],
  settings: RuleSettings,
): F[] {
  return findings.flatMap((f) => {
    const setting = settings[f.rule as RuleId];
    if (!setting) return [f];
    if (!setting.enabled) return [];
    return setting.severity === RULES[f.rule as RuleId].severity ? [f] : [{ ...f, severity: setting.severity }];
  });
}
