import type { LabelConfig } from "../config/index.js";
import { buildCategories, type Categories } from "../normalise/categories.js";
import { type ValueGrammar, valueGrammar } from "../normalise/value.js";

/**
 * What Part 1 is read by, built once per configuration from its `narrative` phrases, `values` words,
 * money units and categories: the wording is data in YAML, only the shapes around it are patterns here.
 */
export interface NarrativeGrammar {
  readonly categories: Categories;
  readonly value: ValueGrammar;
  /** `，指标值为` / `，目标值是` / `，指标值` (the operator word may follow directly: 指标值不低于90%). */
  readonly valueMarker: RegExp;
  /** `三个一级指标` → 三 (group 1). */
  readonly level1Count: RegExp;
  /** `下设11个二、三级指标`, `7个二、三级指标`, `三级指标12个` → the count (group 1 or 2), or `下设11个`. */
  readonly indicatorCount: RegExp;
  /** A project section's goal label (`绩效目标：`) at the start of a paragraph. */
  readonly goalLabel: RegExp;
  /** A project section's indicator label (`绩效指标：`) at the start of a paragraph. */
  readonly indicatorLabel: RegExp;
  /** The department's project total: group 1 the number, group 2 the money unit. */
  readonly total: RegExp;
  /** The heading where Part 1 ends (第二部分). */
  readonly part2: RegExp;
  /** An amount and its money unit (`938.4万元`): group 1 the number, group 2 the unit. */
  readonly amount: string;
  /** A project section's heading: `（一）招商经费25万元`, `1.新型职业农民培训经费15万元` (group 1 the name, 2–3 the amount). */
  readonly section: RegExp;
  /** What opens the project list after the total (`其中：`). */
  readonly listLead: RegExp;
}

const grammars = new WeakMap<LabelConfig, NarrativeGrammar>();

/** Digits a count is written in: Arabic (half or full width) or Chinese. */
const COUNT = "([一二三四五六七八九十百两零〇\\d０-９]+)";

/** A regex alternation of phrases, longest first, with ASCII punctuation also matching its full-width form. */
export function alternation(words: readonly string[]): string {
  const wide: Readonly<Record<string, string>> = {
    ":": "[:：]",
    ",": "[,，]",
    ";": "[;；]",
    "(": "[(（]",
    ")": "[)）]",
  };
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) =>
      [...word]
        .map((c) => wide[c] ?? (/[\\^$.*+?()[\]{}|/-]/u.test(c) ? `\\${c}` : c))
        .join("")
        .replace(/\s+/gu, "\\s*"),
    )
    .join("|");
}

/** The narrative grammar of a configuration, built once per configuration. */
export function narrativeGrammar(config: LabelConfig): NarrativeGrammar {
  let grammar = grammars.get(config);
  if (grammar) return grammar;
  const p = config.narrative;
  const any = (words: readonly string[]) => `(?:${alternation(words)})`;
  const amount = String.raw`([0-9０-９][0-9０-９.,，]*)\s*(${alternation(Object.keys(config.moneyUnits))})`;
  grammar = {
    categories: buildCategories(config),
    value: valueGrammar(config),
    valueMarker: new RegExp(String.raw`[，,;；:：]?\s*${any(p.valueMarkers)}\s*${any(p.valueConnectors)}?\s*`, "u"),
    level1Count: new RegExp(
      String.raw`${COUNT}\s*个\s*${any(p.level1Count)}|${any(p.level1Count)}\s*${COUNT}\s*个`,
      "u",
    ),
    indicatorCount: new RegExp(
      String.raw`${COUNT}\s*个\s*${any(p.indicatorCount)}|${any(p.indicatorCount)}\s*${COUNT}\s*个|${any(p.indicatorCountLead)}\s*${COUNT}\s*个`,
      "u",
    ),
    goalLabel: new RegExp(String.raw`^${any(p.goalLabels)}\s*[:：]\s*`, "u"),
    indicatorLabel: new RegExp(String.raw`^${any(p.indicatorLabels)}\s*[:：]\s*`, "u"),
    total: new RegExp(String.raw`${any(p.totalLabels)}${any(p.totalConnectors)}?\s*${amount}`, "u"),
    part2: new RegExp(`^${any(p.part2Headings)}`, "u"),
    amount,
    section: new RegExp(
      String.raw`^(?:[（(][一二三四五六七八九十百]+[)）]|\d{1,2}[.．、])\s*(.+?)\s*(?:${amount})?\s*$`,
      "u",
    ),
    listLead: new RegExp(String.raw`${any(p.listLeads)}\s*[:：]?\s*`, "u"),
  };
  grammars.set(config, grammar);
  return grammar;
}

/** The first count a regex with count groups found (either group), as written. */
export function countIn(pattern: RegExp, text: string): string | undefined {
  const match = pattern.exec(text);
  return match?.slice(1).find((g) => g !== undefined);
}
