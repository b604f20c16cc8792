export { reconcile, type Reconciliation } from "./reconcile.js";
export { linkProjects, alignIndicators, type ProjectPair, type AlignedIndicator } from "./align.js";
export { assign, type Assignment } from "./assign.js";
export { foldName, similarity, containment } from "./similarity.js";
export { RULES, type RuleId } from "./messages.js";
export { PROJECT_RULES, DOCUMENT_RULES } from "./rules/index.js";
export type { ProjectRule, DocumentRule, RuleContext } from "./rule.js";
