import { defaultConfig, type LabelConfig, VALUE_OPS, type ValueOp } from "../config/index.js";
import type { ComparisonOp, IndicatorValue } from "../model/schema.js";

/** Symbols NFKC leaves alone but that mean the same as their ASCII or common forms. */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  "≧": "≥",
  "≦": "≤",
  ">=": "≥",
  "<=": "≤",
  "〜": "~",
  "—": "-",
  "–": "-",
  "−": "-",
};

type Rule = readonly [word: string, op: ValueOp];

/**
 * The value grammar of a configuration (its `values` words), shared by Part 1 and Part 2: operator words
 * before and after the number, lead verbs, and the open unit vocabulary with its deny-list.
 */
export interface ValueGrammar {
  /** Operator words before a number, folded, longest first. */
  readonly prefixOps: readonly Rule[];
  /** Operator words after the number and unit (以上, 以内), folded, longest first. */
  readonly suffixOps: readonly Rule[];
  /** Lead verbs (达到) and the comparison they imply, folded, longest first. */
  readonly leadWords: readonly Rule[];
  readonly percent: ReadonlySet<string>;
  /** Listed units longer than the open vocabulary's two characters, and the money units. */
  readonly units: ReadonlySet<string>;
  /** Magnitudes and 个 that may stand before a unit (万人次, 个工作日), longest first. */
  readonly unitPrefixes: readonly string[];
  /** Text that is never part of a unit (≥70内部). */
  readonly notUnits: readonly string[];
}

const grammars = new WeakMap<LabelConfig, ValueGrammar>();

const fold = (word: string) => normaliseValueText(word).replace(/\s/gu, "");
const byLengthDesc = (a: string, b: string) => b.length - a.length;

function rules(words: Partial<Record<ValueOp, string[]>>): readonly Rule[] {
  return VALUE_OPS.flatMap((op) => (words[op] ?? []).map((w): Rule => [fold(w), op])).sort((a, b) =>
    byLengthDesc(a[0], b[0]),
  );
}

/** The value grammar of a configuration, built once per configuration (the built-in one by default). */
export function valueGrammar(config: LabelConfig = defaultConfig()): ValueGrammar {
  let grammar = grammars.get(config);
  if (!grammar) {
    const words = config.values;
    grammar = {
      prefixOps: rules(words.operators),
      suffixOps: rules(words.suffixOperators),
      leadWords: rules(words.leadWords),
      percent: new Set(["%", ...words.percent.map(fold)]),
      units: new Set([...words.units, ...Object.keys(config.moneyUnits)].map(fold)),
      unitPrefixes: words.unitPrefixes.map(fold).sort(byLengthDesc),
      notUnits: words.notUnits.map(fold),
    };
    grammars.set(config, grammar);
  }
  return grammar;
}

/** One open-vocabulary unit word: one or two Chinese characters (次, 批次, 小时) or a short Latin one (kg, m²). */
const OPEN_UNIT = /^(?:\p{Script=Han}{1,2}|[A-Za-z][A-Za-z0-9²³]{0,4})$/u;

// A comma only groups thousands when exactly three digits follow it.
const UNSIGNED = String.raw`(?:\d{1,3}(?:,\d{3}(?!\d))+|\d+)(?:\.\d+)?`;
const NUMBER = `-?${UNSIGNED}`;
const NUMBER_AT_START = new RegExp(`^${NUMBER}`, "u");
const NUMBER_ONLY = new RegExp(`^${NUMBER}$`, "u");
const RANGE_TAIL = new RegExp(`^(\\D*?)[-~至到](${UNSIGNED})(.*)$`, "u");

/** An unrecognised unit is still accepted when short and free of punctuation; longer text is prose. */
const UNKNOWN_UNIT = /^[\p{L}/·・]{1,6}$/u;

const OP_SYMBOLS: Readonly<Record<Exclude<ComparisonOp, "between">, string>> = {
  ">=": "≥",
  "<=": "≤",
  ">": ">",
  "<": "<",
  "=": "",
};

/**
 * Folds text for matching only (never for display): NFKC (full-width digits, letters, ％, ＞＜＝, ～, ，),
 * plus ≧≦ and ASCII >= <= to ≥≤, and dash and wave variants to "-" and "~".
 */
export function normaliseValueText(s: string): string {
  return s.normalize("NFKC").replace(/≧|≦|>=|<=|〜|—|–|−/gu, (c) => EXTRA_FOLDS[c] ?? c);
}

/**
 * Whether `unit` is a unit: an open vocabulary (any one or two Chinese characters, a listed longer unit, a
 * money unit, a short Latin word), optionally after a magnitude or 个, and compounds of them joined by / or
 * · (万元/年, 元/人·天). Text holding a deny-listed word (内部) never is.
 */
export function isKnownUnit(unit: string, grammar: ValueGrammar = valueGrammar()): boolean {
  const text = fold(unit);
  if (text === "" || grammar.notUnits.some((word) => text.includes(word))) return false;
  return text.split("/").every((part) => part.split(/[·・*×]/u).every((atom) => isUnitAtom(atom, grammar)));
}

/** A unit with its alternative in brackets, as 申报表 write counts of mixed things: 头(只), 个(次). */
const UNIT_WITH_ALTERNATIVE = /^(.+)\((.+)\)$/u;

function isUnitAtom(atom: string, grammar: ValueGrammar): boolean {
  const alternative = UNIT_WITH_ALTERNATIVE.exec(atom);
  if (alternative) return isUnitAtom(alternative[1]!, grammar) && isUnitAtom(alternative[2]!, grammar);
  const word = canonicalUnit(atom, grammar);
  if (word === "%" || grammar.units.has(word) || OPEN_UNIT.test(word)) return true;
  const prefix = grammar.unitPrefixes.find((p) => word.startsWith(p) && word.length > p.length);
  return prefix !== undefined && isUnitAtom(word.slice(prefix.length), grammar);
}

/** Reads a plain amount such as "34000.00", "9,000,000.00" or "３.４"; null for anything else. */
export function parseNumber(text: string): number | null {
  const t = normaliseValueText(text).replace(/\s/gu, "");
  return NUMBER_ONLY.test(t) ? toNumber(t) : null;
}

/**
 * Parses a 指标值. Quantitative only when the whole text is an optional lead verb and operator, a number
 * (or range), and a short unit with an optional 以上/以内-style suffix; anything else is qualitative.
 */
export function parseIndicatorValue(raw: string, grammar: ValueGrammar = valueGrammar()): IndicatorValue {
  const folded = raw.replace(/\s+/gu, " ").trim();
  const text = normaliseValueText(folded).replace(/\s/gu, "").replace(TEMPLATE_PLACEHOLDER, "");
  return parseQuantity(text, folded, grammar) ?? qualitative(folded);
}

/**
 * Where a value starts inside a phrase (`培训次数至多5次` → 4, `满意度达到95%以上` → 3): the first position
 * from which the rest reads as a quantity with the same grammar as a 指标值 cell; -1 when none does.
 */
export function findValueStart(text: string, grammar: ValueGrammar = valueGrammar()): number {
  const starters = [...grammar.leadWords, ...grammar.prefixOps].map(([word]) => word);
  for (let i = 1; i < text.length; i++) {
    const rest = fold(text.slice(i));
    const digit = /^-?\d/u.test(rest);
    if (!digit && !starters.some((w) => rest.startsWith(w))) continue;
    // Not inside a number (the 0 of 10, the 5 of 2.5).
    if (digit && /[\d.,．０-９]/u.test(text[i - 1]!)) continue;
    const value = parseQuantity(rest.replace(TEMPLATE_PLACEHOLDER, ""), text.slice(i), grammar);
    // A bare number needs a known unit to start a value (开展3次培训 is a name); an operator does not (≥70内部).
    if (value && (value.unitKnown || !digit)) return i;
  }
  return -1;
}

/**
 * A template's hint left in front of the value, `(≥**株)>=17600株`: the writer filled in the value after
 * it. It is skipped when reading the number (the raw text keeps it; the template-placeholder rule reports it).
 */
const TEMPLATE_PLACEHOLDER = /^\([^()]*\*\*[^()]*\)(?=.)/u;

/** A short canonical form for reports: "≥80%", "80%–90%", "100%", or the raw text when qualitative. */
export function formatIndicatorValue(v: IndicatorValue): string {
  if (v.kind === "qualitative" || v.number === null) return v.raw;
  const unit = v.unit ?? "";
  if (v.op === "between") return `${v.number}${unit}–${v.upper ?? "?"}${unit}`;
  return `${OP_SYMBOLS[v.op ?? "="]}${v.number}${unit}`;
}

function parseQuantity(text: string, raw: string, grammar: ValueGrammar): IndicatorValue | null {
  const lead = grammar.leadWords.find(([word]) => text.startsWith(word));
  const afterLead = lead ? text.slice(lead[0].length) : text;
  const hasLead = lead !== undefined;
  const prefix = grammar.prefixOps.find(([word]) => afterLead.startsWith(word));
  const body = prefix ? afterLead.slice(prefix[0].length) : afterLead;
  const first = NUMBER_AT_START.exec(body)?.[0];
  if (first === undefined) return null;

  let tail = body.slice(first.length);
  const range = readRange(tail, grammar);
  if (range) tail = range.unitText;
  const suffix = grammar.suffixOps.find(([word]) => tail.endsWith(word));
  if (suffix) tail = tail.slice(0, -suffix[0].length);
  // An explicit operator on a range ("≥80-90%") contradicts it; leave such text to the reader.
  if (range && (prefix || suffix)) return null;

  const unitKnown = tail === "" || isKnownUnit(tail, grammar);
  if (!unitKnown && (hasLead || !UNKNOWN_UNIT.test(tail))) return null;
  return {
    raw,
    kind: "quantitative",
    op: range ? "between" : (prefix?.[1] ?? suffix?.[1] ?? lead?.[1] ?? "="),
    number: toNumber(first),
    upper: range ? range.upper : null,
    unit: tail === "" ? null : canonicalUnit(tail, grammar),
    unitKnown,
  };
}

/** Reads "-90%" / "至90%" / "%~90%" after the first number of a range; both units must agree if both are given. */
function readRange(tail: string, grammar: ValueGrammar): { upper: number; unitText: string } | null {
  const match = RANGE_TAIL.exec(tail);
  if (!match) return null;
  const [, firstUnit = "", upper = "", lastUnit = ""] = match;
  if (firstUnit !== "" && lastUnit !== "" && canonicalUnit(firstUnit, grammar) !== canonicalUnit(lastUnit, grammar))
    return null;
  return { upper: toNumber(upper), unitText: lastUnit || firstUnit };
}

function canonicalUnit(unit: string, grammar: ValueGrammar): string {
  return grammar.percent.has(unit) ? "%" : unit;
}

function toNumber(text: string): number {
  return Number(text.replace(/,/gu, ""));
}

function qualitative(raw: string): IndicatorValue {
  return { raw, kind: "qualitative", op: null, number: null, upper: null, unit: null, unitKnown: true };
}
