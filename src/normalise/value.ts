import type { ComparisonOp, IndicatorValue } from "../model/schema.js";

/** Simple units of 指标值 we recognise; compounds (万元/年, 元/人·天) are built from these by {@link isKnownUnit}. */
export const KNOWN_UNITS: ReadonlySet<string> = new Set([
  "%",
  "百分点",
  "个百分点",
  "分",
  "元",
  "千元",
  "万元",
  "亿元",
  "个",
  "次",
  "家",
  "人",
  "人次",
  "万人次",
  "项",
  "户",
  "场",
  "期",
  "篇",
  "份",
  "件",
  "台",
  "套",
  "座",
  "处",
  "所",
  "批",
  "条",
  "名",
  "辆",
  "株",
  "亩",
  "万亩",
  "公顷",
  "头",
  "只",
  "张",
  "本",
  "册",
  "间",
  "栋",
  "类",
  "种",
  "部",
  "支",
  "门",
  "班",
  "组",
  "位",
  "单",
  "起",
  "例",
  "棵",
  "盏",
  "块",
  "段",
  "页",
  "课时",
  "学时",
  "天",
  "日",
  "月",
  "年",
  "周",
  "季度",
  "个月",
  "工作日",
  "个工作日",
  "小时",
  "分钟",
  "秒",
  "公里",
  "千米",
  "米",
  "平方米",
  "平方公里",
  "立方米",
  "吨",
  "万吨",
  "千克",
  "公斤",
  "千瓦",
  "千瓦时",
  "兆瓦",
]);

const PERCENT_ALIASES: ReadonlySet<string> = new Set(["%", "百分比"]);

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

type Rule = readonly [word: string, op: ComparisonOp];

function longestFirst(rules: readonly Rule[]): readonly Rule[] {
  return [...rules].sort((a, b) => b[0].length - a[0].length);
}

// Applied to normalised text, so ≧ ＞＝ >= have all become ≥ (and likewise for ≤).
const PREFIX_OPS = longestFirst([
  ["≥", ">="],
  ["大于等于", ">="],
  ["大于或等于", ">="],
  ["不低于", ">="],
  ["不少于", ">="],
  ["不小于", ">="],
  ["至少", ">="],
  ["≤", "<="],
  ["小于等于", "<="],
  ["小于或等于", "<="],
  ["不高于", "<="],
  ["不超过", "<="],
  ["不多于", "<="],
  ["不大于", "<="],
  ["至多", "<="],
  [">", ">"],
  ["大于", ">"],
  ["高于", ">"],
  ["超过", ">"],
  ["超", ">"],
  ["<", "<"],
  ["小于", "<"],
  ["低于", "<"],
  ["=", "="],
  ["等于", "="],
]);

const SUFFIX_OPS = longestFirst([
  ["及以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["内", "<="],
]);

/** Verbs that often precede a target ("达到95%") without changing its comparison. */
const LEAD_WORDS = /^(?:达到|完成|达)/u;

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

/** Whether `unit` is a known unit, or a compound of them such as 万元/年 or 元/人·天. */
export function isKnownUnit(unit: string): boolean {
  return normaliseValueText(unit)
    .trim()
    .split("/")
    .every((part) => part.split(/[·・*×]/u).every((p) => KNOWN_UNITS.has(canonicalUnit(p))));
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
export function parseIndicatorValue(raw: string): IndicatorValue {
  const folded = raw.replace(/\s+/gu, " ").trim();
  const text = normaliseValueText(folded).replace(/\s/gu, "").replace(TEMPLATE_PLACEHOLDER, "");
  return parseQuantity(text, folded) ?? qualitative(folded);
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

function parseQuantity(text: string, raw: string): IndicatorValue | null {
  const afterLead = text.replace(LEAD_WORDS, "");
  const hasLead = afterLead !== text;
  const prefix = PREFIX_OPS.find(([word]) => afterLead.startsWith(word));
  const body = prefix ? afterLead.slice(prefix[0].length) : afterLead;
  const first = NUMBER_AT_START.exec(body)?.[0];
  if (first === undefined) return null;

  let tail = body.slice(first.length);
  const range = readRange(tail);
  if (range) tail = range.unitText;
  const suffix = SUFFIX_OPS.find(([word]) => tail.endsWith(word));
  if (suffix) tail = tail.slice(0, -suffix[0].length);
  // An explicit operator on a range ("≥80-90%") contradicts it; leave such text to the reader.
  if (range && (prefix || suffix)) return null;

  const unitKnown = tail === "" || isKnownUnit(tail);
  if (!unitKnown && (hasLead || !UNKNOWN_UNIT.test(tail))) return null;
  return {
    raw,
    kind: "quantitative",
    op: range ? "between" : (prefix?.[1] ?? suffix?.[1] ?? "="),
    number: toNumber(first),
    upper: range ? range.upper : null,
    unit: tail === "" ? null : canonicalUnit(tail),
    unitKnown,
  };
}

/** Reads "-90%" / "至90%" / "%~90%" after the first number of a range; both units must agree if both are given. */
function readRange(tail: string): { upper: number; unitText: string } | null {
  const match = RANGE_TAIL.exec(tail);
  if (!match) return null;
  const [, firstUnit = "", upper = "", lastUnit = ""] = match;
  if (firstUnit !== "" && lastUnit !== "" && canonicalUnit(firstUnit) !== canonicalUnit(lastUnit)) return null;
  return { upper: toNumber(upper), unitText: lastUnit || firstUnit };
}

function canonicalUnit(unit: string): string {
  return PERCENT_ALIASES.has(unit) ? "%" : unit;
}

function toNumber(text: string): number {
  return Number(text.replace(/,/gu, ""));
}

function qualitative(raw: string): IndicatorValue {
  return { raw, kind: "qualitative", op: null, number: null, upper: null, unit: null, unitKnown: true };
}
