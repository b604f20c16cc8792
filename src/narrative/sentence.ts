import type { NarrativeIndicator } from "../model/schema.js";
import { findValueStart, parseIndicatorValue } from "../normalise/value.js";
import { toChineseNumeral } from "./numerals.js";
import type { NarrativeGrammar } from "./phrases.js";

/**
 * Separators between the levels of an indicator sentence: —, ——, --, －, ━, and a single - that is not
 * between digits (80-90% is a range, 2025-12-31 a date).
 */
const LEVEL_SEPARATOR = /\s*(?:[—–━]+|[-－]{2,}|(?<![0-9０-９])[-－](?![0-9０-９]))\s*/u;
const TRAILING_PUNCTUATION = /[。；;，,\s]+$/u;
/** Where a sentence's own clauses part: the first comma (or colon) after the indicator's name. */
const CLAUSE = /[，,:：]/u;

/** A numbered indicator sentence found in a paragraph. */
export interface SentenceSpan {
  readonly seq: number;
  readonly text: string;
}

/** Punctuation (or the paragraph's start) an item number must follow, so a figure inside a sentence is not one. */
const ITEM_BOUNDARY = String.raw`(?:^|(?<=[。；;：:！!\s]))`;

/** An enumeration style: the pattern of item number n. */
type Enumeration = (n: number) => string | null;

const wideDigits = (n: number) => String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));

const ENUMERATIONS: readonly Enumeration[] = [
  // 1、 1. 1． (1) （1） (1)、 1)
  (n) => {
    const d = `(?:${n}|${wideDigits(n)})`;
    return String.raw`[（(]${d}[)）][、.．]?|${d}(?:[、.．]|[)）])(?![\d０-９])`;
  },
  // ① ② … ⑳
  (n) => (n <= 20 ? String.fromCodePoint(0x245f + n) : null),
  // 一、 （一） (一)、
  (n) => {
    const c = toChineseNumeral(n);
    return `[（(]${c}[)）][、.．]?|${c}[、.．]`;
  },
];

/** An item number at the start of a sentence, in any enumeration style. */
const ITEM_NUMBER =
  /^\s*(?:[（(](?:\d+|[０-９]+|[一二三四五六七八九十]+)[)）][、.．]?|(?:\d+|[０-９]+)(?:[、.．]|[)）])|[①-⑳]|[一二三四五六七八九十]+[、.．])\s*/u;

function scan(paragraph: string, style: Enumeration, firstSeq: number): { seq: number; index: number }[] {
  const starts: { seq: number; index: number }[] = [];
  let from = 0;
  for (let seq = firstSeq; ; seq++) {
    const number = style(seq);
    if (number === null) break;
    const pattern = new RegExp(`${ITEM_BOUNDARY}(?:${number})`, "gu");
    pattern.lastIndex = from;
    const match = pattern.exec(paragraph);
    if (!match) break;
    starts.push({ seq, index: match.index });
    from = match.index + match[0].length;
  }
  return starts;
}

/**
 * Splits a paragraph into its numbered sentences, in whatever enumeration the writer used (`1、… 2、…`,
 * `(1)… (2)…`, `①…②…`, `一、…二、…`): the style that numbers most sentences wins. Numbers must follow each other
 * and stand at the start or after punctuation, so figures inside a sentence (≥80%。10、…) are not split on.
 * Numbering continues from `firstSeq` (a count running across paragraphs) or starts again at 1.
 */
export function splitNumberedSentences(paragraph: string, firstSeq = 1): SentenceSpan[] {
  let best: { seq: number; index: number }[] = [];
  for (const start of firstSeq === 1 ? [1] : [firstSeq, 1]) {
    for (const style of ENUMERATIONS) {
      const starts = scan(paragraph, style, start);
      if (starts.length > best.length) best = starts;
    }
    if (best.length > 0) break;
  }
  return best.map((s, i) => ({
    seq: s.seq,
    text: paragraph.slice(s.index, best[i + 1]?.index ?? paragraph.length).trim(),
  }));
}

/**
 * The indicator sentences of a paragraph that does not number them: one indicator per sentence (split at
 * 。 and ；) for each sentence that reads as one (levels joined by a separator, or a value marker).
 */
export function splitUnnumberedSentences(paragraph: string, grammar: NarrativeGrammar): SentenceSpan[] {
  return paragraph
    .split(/(?<=[。；;\n])/u)
    .map((text) => text.trim())
    .filter((text) => looksLikeIndicator(text, grammar))
    .map((text, k) => ({ seq: k + 1, text }));
}

/** Whether an unnumbered sentence reads as an indicator: it opens with a category before a level separator, or names its value. */
export function looksLikeIndicator(text: string, grammar: NarrativeGrammar): boolean {
  if (opensWithCategory(text, grammar)) return true;
  return grammar.valueMarker.test(text) && !grammar.indicatorCount.test(text) && !grammar.level1Count.test(text);
}

/** Whether a sentence opens with a category and a level separator (产出指标-数量指标-…): surely an indicator. */
export function opensWithCategory(text: string, grammar: NarrativeGrammar): boolean {
  const [first, ...rest] = text.replace(ITEM_NUMBER, "").split(LEVEL_SEPARATOR);
  return rest.length > 0 && first !== undefined && grammar.categories.canonical(first) !== null;
}

/** Whether a heading-like text holds what only an indicator sentence holds: level separators or a value marker. */
export function readsAsIndicator(text: string, grammar: NarrativeGrammar): boolean {
  return LEVEL_SEPARATOR.test(text) || grammar.valueMarker.test(text);
}

/** Splits a sentence body into its head (the levels) and its value text. */
function splitValue(body: string, grammar: NarrativeGrammar): { head: string; value: string } {
  const marker = grammar.valueMarker.exec(body);
  if (marker && marker.index + marker[0].length < body.length)
    return { head: body.slice(0, marker.index), value: body.slice(marker.index + marker[0].length) };
  // No 指标值为: the value follows the first comma of the last level ("…--经贸活动知名度，全方位…",
  // "…--培训人数，不低于85%"), or starts inside it where the shared grammar reads one ("培训次数至多5次").
  const parts = levelParts(body, grammar);
  const last = parts.at(-1) ?? "";
  const levels = parts.slice(0, -1);
  const comma = last.search(CLAUSE);
  const name = comma < 0 ? last : last.slice(0, comma);
  const start = findValueStart(name, grammar.value);
  // What follows the value's clause (培训人数≥200人，确保覆盖全县) is the description.
  if (start > 0) {
    const rest = comma < 0 ? [] : [last.slice(comma + 1)];
    return { head: [...levels, name.slice(0, start), ...rest].join("--"), value: name.slice(start) };
  }
  if (comma < 0) return { head: body, value: "" };
  return { head: [...levels, name].join("--"), value: last.slice(comma + 1) };
}

/** The levels of a head: split at the level separators, and after a category followed by a colon (数量指标：…). */
function levelParts(head: string, grammar: NarrativeGrammar): string[] {
  return head
    .split(LEVEL_SEPARATOR)
    .flatMap((part) => {
      const colon = part.search(/[:：]/u);
      return colon > 0 && grammar.categories.canonical(part.slice(0, colon)) !== null
        ? [part.slice(0, colon), part.slice(colon + 1)]
        : [part];
    })
    .filter((p) => p !== "");
}

/**
 * Reads one indicator sentence: `1、产出指标—数量指标—开展小型调研次数，指标值为≥5次。`. Leading parts that
 * name a 一级 or 二级 category fill those levels; the next part is the 三级指标 and anything after it the
 * description. The value is read with the same grammar as a table's 指标值, after a value marker (指标值为,
 * 指标值：, 指标值不低于, 目标值为), after the name's comma (，不低于85%, ，90%以上), or where it starts inside the
 * name (培训次数至多5次). A level the sentence omits is inferred from the category vocabulary and listed in `inferred`.
 */
export function parseIndicatorSentence(
  span: SentenceSpan,
  paragraph: number,
  grammar: NarrativeGrammar,
): NarrativeIndicator {
  return readBody(span.text.replace(ITEM_NUMBER, "").replace(TRAILING_PUNCTUATION, ""), span, paragraph, grammar);
}

/**
 * Reads one numbered sentence into its indicators: usually one ({@link parseIndicatorSentence}), but a sentence
 * whose clauses each state a name and a quantity (`抽检批次不少于300批次，抽检合格率达到98%以上`) gives one
 * indicator per clause, all under the sentence's levels and at its position.
 */
export function parseIndicatorSpan(
  span: SentenceSpan,
  paragraph: number,
  grammar: NarrativeGrammar,
): NarrativeIndicator[] {
  const body = span.text.replace(ITEM_NUMBER, "").replace(TRAILING_PUNCTUATION, "");
  const clauses = quantityClauses(body, grammar);
  return clauses
    ? clauses.map((clause) => readBody(clause, span, paragraph, grammar))
    : [readBody(body, span, paragraph, grammar)];
}

/** The clauses of a sentence without a value marker when every one is a name followed by a quantity in a known unit. */
function quantityClauses(body: string, grammar: NarrativeGrammar): string[] | null {
  if (grammar.valueMarker.test(body)) return null;
  const parts = levelParts(body, grammar);
  const clauses = (parts.at(-1) ?? "")
    .split(/[，,；;]/u)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  if (clauses.length < 2) return null;
  const states = (clause: string) => {
    const start = findValueStart(clause, grammar.value);
    if (start <= 0) return false;
    const value = parseIndicatorValue(clause.slice(start), grammar.value);
    return value.kind === "quantitative" && value.unitKnown;
  };
  return clauses.every(states) ? clauses.map((c) => [...parts.slice(0, -1), c].join("--")) : null;
}

function readBody(body: string, span: SentenceSpan, paragraph: number, grammar: NarrativeGrammar): NarrativeIndicator {
  const { categories } = grammar;
  const { head, value } = splitValue(body, grammar);
  const parts = levelParts(head.replace(TRAILING_PUNCTUATION, ""), grammar);
  let i = 0;
  let level1: string | null = null;
  let level2: string | null = null;
  if (parts.length > 1 && categories.isLevel1(parts[0]!)) level1 = parts[i++]!;
  if (parts.length - i > 1 && categories.isLevel2(parts[i]!)) level2 = parts[i++]!;
  const level3 = parts[i] ?? null;
  const description = parts.slice(i + 1).join("—") || null;
  const inferred: ("level1" | "level2")[] = [];
  if (level1 === null && level2 !== null && categories.parentOf(level2)) {
    level1 = categories.parentOf(level2);
    inferred.push("level1");
  }
  if (level2 === null && level1 !== null && categories.soleChildOf(level1)) {
    level2 = categories.soleChildOf(level1);
    inferred.push("level2");
  }
  return {
    seq: span.seq,
    level1,
    level2,
    level3,
    description,
    value: parseIndicatorValue(value.replace(TRAILING_PUNCTUATION, ""), grammar.value),
    inferred,
    at: { paragraph, seq: span.seq },
    sentence: span.text,
  };
}

/** `（一）数量指标：开展培训≥5次；覆盖人数≥200人。`: a category, then its indicators separated by ；. */
const CATEGORY_LIST = /^\s*[（(][一二三四五六七八九十\d]+[)）]\s*([^：:，,。]{2,14}指标)\s*[：:]\s*(.+)$/u;

/**
 * Reads a category-list paragraph (`（一）数量指标：开展培训≥5次；覆盖人数≥200人。`) into indicators: the
 * category fills 一级 or 二级指标, each item's text before its value (found with the shared value grammar)
 * is the 三级指标. Null when the paragraph is not such a list.
 */
export function parseCategoryList(
  paragraph: string,
  firstSeq: number,
  paragraphIndex: number,
  grammar: NarrativeGrammar,
): NarrativeIndicator[] | null {
  const { categories } = grammar;
  const match = CATEGORY_LIST.exec(paragraph);
  if (!match || !(categories.isLevel1(match[1]!) || categories.isLevel2(match[1]!))) return null;
  const category = match[1]!;
  const isLevel2 = categories.isLevel2(category);
  const items = match[2]!
    .split(/[；;。]/u)
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.map((item, k) => {
    const marker = grammar.valueMarker.exec(item);
    const start = marker ? marker.index : findValueStart(item, grammar.value);
    const named = start > 0 ? item.slice(0, start) : item;
    const value = marker ? item.slice(marker.index + marker[0].length) : start > 0 ? item.slice(start) : "";
    const level2 = isLevel2 ? category : categories.soleChildOf(category);
    const level1 = isLevel2 ? categories.parentOf(category) : category;
    const inferred: ("level1" | "level2")[] = [];
    if (isLevel2 && level1 !== null) inferred.push("level1");
    if (!isLevel2 && level2 !== null) inferred.push("level2");
    return {
      seq: firstSeq + k,
      level1,
      level2,
      level3: named.replace(/[，,：:\s]+$/u, ""),
      description: null,
      value: parseIndicatorValue(value.replace(TRAILING_PUNCTUATION, ""), grammar.value),
      inferred,
      at: { paragraph: paragraphIndex, seq: firstSeq + k },
      sentence: item,
    };
  });
}
