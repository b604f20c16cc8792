import type { TrendRule } from "../change.js";
import type { TrendRuleId } from "../schema.js";
import { budgetChanged } from "./budget-changed.js";
import { indicatorAdded } from "./indicator-added.js";
import { indicatorDropped } from "./indicator-dropped.js";
import { outputsFlat } from "./outputs-flat.js";
import { projectAdded } from "./project-added.js";
import { projectEnded } from "./project-ended.js";
import { targetLowered } from "./target-lowered.js";
import { targetRaised } from "./target-raised.js";
import { textCopied } from "./text-copied.js";

/** Every trend rule by id; run in the order of TREND_RULE_IDS. */
export const TREND_RULES = {
  "trend-project-added": projectAdded,
  "trend-project-ended": projectEnded,
  "trend-budget-changed": budgetChanged,
  "trend-outputs-flat": outputsFlat,
  "trend-target-lowered": targetLowered,
  "trend-target-raised": targetRaised,
  "trend-indicator-dropped": indicatorDropped,
  "trend-indicator-added": indicatorAdded,
  "trend-text-copied": textCopied,
} satisfies Record<TrendRuleId, TrendRule>;
