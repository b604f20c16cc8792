export { type AlignedIndicator, alignIndicators, linkProjects, type ProjectPair } from "./align.js";
export { type Assignment, assign } from "./assign.js";
export { type Part, RULES, type RuleId, type RuleParams } from "./messages.js";
export { type Reconciliation, reconcile } from "./reconcile.js";
export type { DocumentRule, ProjectRule, RuleContext } from "./rule.js";
export { DOCUMENT_RULES, PROJECT_RULES } from "./rules/index.js";
export {
  applyRuleSettings,
  defaultRuleSettings,
  RULE_OPTIONS,
  type RuleOptions,
  type RuleSet,
  type RuleSetting,
  type RuleSettings,
  ruleSet,
} from "./settings.js";
export { containment, similarity } from "./similarity.js";
