import type { NarrativeIndicator } from "../model/schema.js";
import type { Categories } from "../normalise/categories.js";
import { parseIndicatorValue } from "../normalise/value.js";

/** Separators between the levels of an indicator sentence: —, ——, --, －－. */
const LEVEL_SEPARATOR = /\s*(?:[—–]+|-{2,}|－{2,}|━+)\s*/;
const VALUE_MARKER = /[，,;；:：]?\s*(?:指标值|目标值|年度指标值)(?:为|是|:|：)\s*/;
const TRAILING_PUNCTUATION = /[。；;，,\s]+$/;
const ITEM_NUMBER = /^\s*(?:[（(]\d+[)）][、.．]?|\d+[、.．])\s*/;

/** A numbered indicator sentence found in a paragraph. */
export interface SentenceSpan {
  readonly seq: number;
  readonly text: string;
}

/**
 * Splits a paragraph into its numbered sentences (`1、… 2、…`, or `(1)… (2)…`). Numbers must follow each other and
 * stand at the start or after punctuation, so figures inside a sentence (≥80%。10、…) are not split on.
 */
export function splitNumberedSentences(paragraph: string, firstSeq = 1): SentenceSpan[] {
  const starts: { seq: number; index: number }[] = [];
  let seq = firstSeq;
  let from = 0;
  for (;;) {
    const pattern = new RegExp(`(?:^|(?<=[。；;：:！!\\s]))(?:[（(]${seq}[)）][、.．]?|${seq}[、.．](?!\\d))`, "g");
    pattern.lastIndex = from;
    const match = pattern.exec(paragraph);
    if (!match) break;
    starts.push({ seq, index: match.index });
    from = match.index + match[0].length;
    seq++;
  }
  return starts.map((s, i) => ({
    seq: s.seq,
    text: paragraph.slice(s.index, starts[i + 1]?.index ?? paragraph.length).trim(),
  }));
}

/** Splits a sentence body into its head (the levels) and its value text. */
function splitValue(body: string): { head: string; value: string } {
  const marker = VALUE_MARKER.exec(body);
  if (marker) return { head: body.slice(0, marker.index), value: body.slice(marker.index + marker[0].length) };
  // No 指标值为: the value is what follows the first comma of the last level ("…--经贸活动知名度，全方位…").
  const parts = body.split(LEVEL_SEPARATOR);
  const last = parts.at(-1) ?? "";
  const comma = last.search(/[，,]/);
  if (comma < 0) return { head: body, value: "" };
  const head = [...parts.slice(0, -1), last.slice(0, comma)].join("--");
  return { head, value: last.slice(comma + 1) };
}

/**
 * Reads one indicator sentence: `1、产出指标—数量指标—开展小型调研次数，指标值为≥5次。`. Leading parts that
 * name a 一级 or 二级 category fill those levels; the next part is the 三级指标 and anything after it the
 * description. A level the sentence omits is inferred from the category vocabulary and listed in `inferred`.
 */
export function parseIndicatorSentence(
  span: SentenceSpan,
  paragraph: number,
  categories: Categories,
): NarrativeIndicator {
  const body = span.text.replace(ITEM_NUMBER, "");
  const { head, value } = splitValue(body);
  const parts = head
    .replace(TRAILING_PUNCTUATION, "")
    .split(LEVEL_SEPARATOR)
    .filter((p) => p !== "");
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
    value: parseIndicatorValue(value.replace(TRAILING_PUNCTUATION, "")),
    inferred,
    at: { paragraph, seq: span.seq },
    sentence: span.text,
  };
}

/** `（一）数量指标：开展培训≥5次；覆盖人数≥200人。`: a category, then its indicators separated by ；. */
const CATEGORY_LIST = /^\s*[（(][一二三四五六七八九十\d]+[)）]\s*([^：:，,。]{2,14}指标)\s*[：:]\s*(.+)$/u;
/** Where an item's value starts: an operator word or sign, a lead verb, or the first digit. */
const VALUE_START =
  /(?:≥|≤|≧|≦|>=|<=|＞|＜|>|<|=|＝|不低于|不少于|不小于|不高于|不超过|不多于|大于|小于|低于|超过|达到|至少|[0-9０-９])/u;

/**
 * Reads a category-list paragraph (`（一）数量指标：开展培训≥5次；覆盖人数≥200人。`) into indicators: the
 * category fills 一级 or 二级指标, each item's text before its value is the 三级指标. Null when the paragraph
 * is not such a list.
 */
export function parseCategoryList(
  paragraph: string,
  firstSeq: number,
  paragraphIndex: number,
  categories: Categories,
): NarrativeIndicator[] | null {
  const match = CATEGORY_LIST.exec(paragraph);
  if (!match || !(categories.isLevel1(match[1]!) || categories.isLevel2(match[1]!))) return null;
  const category = match[1]!;
  const isLevel2 = categories.isLevel2(category);
  const items = match[2]!
    .split(/[；;。]/u)
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.map((item, k) => {
    const start = item.search(VALUE_START);
    const named = start > 0 ? item.slice(0, start) : item;
    const value = start > 0 ? item.slice(start) : "";
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
      value: parseIndicatorValue(value.replace(TRAILING_PUNCTUATION, "")),
      inferred,
      at: { paragraph: paragraphIndex, seq: firstSeq + k },
      sentence: item,
    };
  });
}
