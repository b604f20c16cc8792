import type { LabelConfig } from "./config/index.js";
import { memoiseShortText } from "./memoise.js";

/**
 * Text folding shared by the stages (grid, extract, normalise, narrative, reconcile): how cell text, labels,
 * names and money units are compared. Pure functions of strings, no stage's types.
 */

/** Folds runs of ASCII, full-width and non-breaking spaces into one space and trims. */
export function foldSpaces(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, " ").trim();
}

/**
 * The form labels are compared in: full-width punctuation folded to ASCII (NFKC), spaces removed
 * and letters lower-cased, so `其中：财政    资金` and `其中:财政资金` are one label.
 */
export const labelKey: (text: string) => string = memoiseShortText((text) =>
  text.normalize("NFKC").replace(/\s+/g, "").toLowerCase(),
);

/**
 * Folds an indicator or project name for comparison: full-width forms to ASCII, a decoration such as
 * `（%）` removed, punctuation and whitespace dropped.
 */
export function foldName(name: string | null): string {
  return name === null ? "" : foldNameText(name);
}

const foldNameText = memoiseShortText((name) =>
  name
    .normalize("NFKC")
    .replace(/\((?:%|％|百分比|个|次|元|万元)\)/g, "")
    .replace(/[\s\p{P}\p{S}]+/gu, "")
    .toLowerCase(),
);

const factorsByConfig = new WeakMap<LabelConfig, Readonly<Record<string, number>>>();

/** The configuration's money units and their factors to 元, keyed as labels are compared; built once per configuration. */
export function moneyUnitFactors(config: LabelConfig): Readonly<Record<string, number>> {
  let factors = factorsByConfig.get(config);
  if (!factors) {
    factors = Object.fromEntries(Object.entries(config.moneyUnits).map(([k, v]) => [labelKey(k), v]));
    factorsByConfig.set(config, factors);
  }
  return factors;
}

/**
 * The longest-common-subsequence table of two sequences of character codes, filled from the ends: cell
 * `i * (y.length + 1) + j` holds the LCS length of `x[i..]` and `y[j..]`, so cell 0 is the LCS length. With
 * `keepRows` false only two rows are kept (enough for the length: what the pairing needs for every pair it
 * scores); a diff keeps them all to walk the alignment back.
 */
export function lcsTable(x: ArrayLike<number>, y: ArrayLike<number>, keepRows: boolean): Uint32Array {
  const width = y.length + 1;
  const table = new Uint32Array((keepRows ? x.length + 1 : 2) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    const row = (keepRows ? i : i & 1) * width;
    const next = (keepRows ? i + 1 : (i + 1) & 1) * width;
    const xi = x[i];
    let right = 0;
    for (let j = y.length - 1; j >= 0; j--) {
      right = xi === y[j] ? table[next + j + 1]! + 1 : Math.max(table[next + j]!, right);
      table[row + j] = right;
    }
  }
  return table;
}

/** The UTF-16 units of a string. */
export function charCodes(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}
