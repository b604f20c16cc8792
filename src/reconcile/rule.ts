import type { Narrative } from "../model/schema.js";
import type { Categories } from "../normalise/categories.js";
import type { ProjectPair } from "./align.js";
import type { RuleFinding } from "./finding.js";
import type { RuleSet } from "./settings.js";

/** What every rule may consult besides the project pair it checks. */
export interface RuleContext {
  readonly categories: Categories;
  readonly narrative: Narrative | null;
  readonly pairs: readonly ProjectPair[];
  /** Factors to 元 of the money units, keyed by unit. */
  readonly moneyUnits: Readonly<Record<string, number>>;
  /** The rule set in force: each rule's parameters. */
  readonly rules: RuleSet;
}

/** A check of one project pair (narrative and/or table side). */
export type ProjectRule = (pair: ProjectPair, ctx: RuleContext) => RuleFinding[];

/** A check of the whole document. */
export type DocumentRule = (ctx: RuleContext) => RuleFinding[];
