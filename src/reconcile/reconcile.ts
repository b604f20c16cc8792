import type { LabelConfig } from "../config/index.js";
import type { Finding, Narrative, Project, ProjectLink } from "../model/schema.js";
import { buildCategories } from "../normalise/categories.js";
import { moneyUnitFactors } from "../text.js";
import { linkProjects } from "./align.js";
import { groupFindings } from "./group.js";
import type { RuleContext } from "./rule.js";
import { DOCUMENT_RULES, PROJECT_RULES } from "./rules/index.js";
import { applyRuleSettings, defaultRuleSettings, ruleSet } from "./settings.js";

/** What the reconcile stage adds to a document: the project links and the findings. */
export interface Reconciliation {
  readonly links: ProjectLink[];
  readonly findings: Finding[];
}

/**
 * Pairs Part 1 with Part 2 (projects by name and amount, indicators by a global assignment) and runs
 * every rule over the pairs and the document; the configuration's rule set (`config.rules`, the built-in one
 * when absent) turns rules off, sets their severity and gives their parameters; findings about the same pair or
 * value share a `group`.
 */
export function reconcile(
  narrative: Narrative | null,
  projects: readonly Project[],
  config: LabelConfig,
): Reconciliation {
  const categories = buildCategories(config);
  const pairs = linkProjects(narrative?.projects ?? [], projects, categories);
  const moneyUnits = moneyUnitFactors(config);
  const settings = config.rules ?? defaultRuleSettings();
  const ctx: RuleContext = { categories, narrative, pairs, moneyUnits, rules: ruleSet(settings) };
  const found = applyRuleSettings(
    [
      ...DOCUMENT_RULES.flatMap((rule) => rule(ctx)),
      ...pairs.flatMap((pair) => PROJECT_RULES.flatMap((rule) => rule(pair, ctx))),
    ],
    settings,
  );
  const groups = groupFindings(found);
  const findings = found.map((f, i): Finding => ({ ...f, group: groups[i] ?? i }));
  const links = pairs.map((p) => ({
    narrative: p.narrativeIndex,
    table: p.tableIndex,
    score: Math.round(p.score * 1000) / 1000,
  }));
  return { links, findings };
}
