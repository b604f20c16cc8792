import type { IndicatorValue } from "../model/schema.js";
import { lcsTable } from "../text.js";

/** A run of a character diff: shared text (`a === b`), or what each side has instead (either may be empty). */
export interface DiffSegment {
  readonly common: boolean;
  readonly a: string;
  readonly b: string;
}

/** Above this many cells in the LCS table the differing middle is reported as one run, to stay fast. */
const MAX_LCS_CELLS = 250_000;

/**
 * Diffs two short strings character by character (code points, so no surrogate pair is split).
 * The common prefix and suffix are trimmed first; the middle is aligned by a longest common subsequence,
 * or reported whole when both sides are too long for that. Adjacent runs of the same kind are merged.
 * `key` maps each character to what is compared (by default the character itself), so notation can be ignored.
 */
export function diffChars(a: string, b: string, key: (c: string) => string = (c) => c): DiffSegment[] {
  const x = Array.from(a);
  const y = Array.from(b);
  const kx = x.map(key);
  const ky = y.map(key);
  const head = commonPrefixLength(kx, ky);
  const tail = commonSuffixLength(kx.slice(head), ky.slice(head));
  const midA = x.slice(head, x.length - tail);
  const midB = y.slice(head, y.length - tail);
  const middle =
    midA.length * midB.length > MAX_LCS_CELLS
      ? [{ common: false, a: midA.join(""), b: midB.join("") }]
      : lcsSegments(midA, midB, kx.slice(head, x.length - tail), ky.slice(head, y.length - tail));
  return merge([
    { common: true, a: x.slice(0, head).join(""), b: y.slice(0, head).join("") },
    ...middle,
    { common: true, a: x.slice(x.length - tail).join(""), b: y.slice(y.length - tail).join("") },
  ]);
}

/** A run of text on one side of a comparison, marked when it differs in meaning from the other side. */
export interface MarkedRun {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * Marks what differs between two texts (names, qualitative values), ignoring notation: full- and half-width
 * forms (`％`/`%`, `，`/`,`), `≦`/`≤`, and differences that are only spaces or punctuation.
 */
export function markTextDifferences(a: string, b: string): [MarkedRun[], MarkedRun[]] {
  const segments = diffChars(a, b, notationKey);
  const side = (pick: (s: DiffSegment) => string): MarkedRun[] =>
    joinRuns(segments.map((s) => ({ text: pick(s), marked: !s.common && !NOTATION_ONLY.test(pick(s)) })));
  return [side((s) => s.a), side((s) => s.b)];
}

/**
 * Marks what differs in meaning between two indicator values: for two quantities, the operator, the number and
 * the unit each only when their normalised forms differ (`≥80%` and `>=80百分比` have nothing marked; in `≥90%`
 * and `>=95%` only the number is). Other values are compared as text by {@link markTextDifferences}.
 */
export function markValueDifferences(a: IndicatorValue, b: IndicatorValue): [MarkedRun[], MarkedRun[]] {
  const pa = a.kind === "quantitative" ? valueParts(a.raw) : null;
  const pb = b.kind === "quantitative" ? valueParts(b.raw) : null;
  if (pa === null || pb === null) return markTextDifferences(a.raw, b.raw);
  const differs = {
    op: a.op !== b.op,
    number: a.number !== b.number || a.upper !== b.upper,
    unit: (a.unit ?? "") !== (b.unit ?? ""),
  };
  const side = (p: ValueParts): MarkedRun[] =>
    joinRuns([
      { text: p.before, marked: differs.op && p.before.trim() !== "" },
      { text: p.number, marked: differs.number },
      { text: p.unit, marked: differs.unit && p.unit.trim() !== "" },
      { text: p.after, marked: differs.op && p.after.trim() !== "" },
    ]);
  return [side(pa), side(pb)];
}

/** A quantity as written: the operator before the number, the number (or range), the unit, an operator word after. */
interface ValueParts {
  readonly before: string;
  readonly number: string;
  readonly unit: string;
  readonly after: string;
}

const NUMBER_SPAN = /[0-9０-９][0-9０-９.．,，]*(?:\s*[-~～至到—－]\s*[0-9０-９][0-9０-９.．,，]*)?/u;
const TRAILING_OPERATOR = /(?:及|或)?(?:以上|以下|以内|之内|以外)$/u;

function valueParts(raw: string): ValueParts | null {
  const match = NUMBER_SPAN.exec(raw);
  if (match === null) return null;
  const rest = raw.slice(match.index + match[0].length);
  const after = TRAILING_OPERATOR.exec(rest)?.[0] ?? "";
  return {
    before: raw.slice(0, match.index),
    number: match[0],
    unit: rest.slice(0, rest.length - after.length),
    after,
  };
}

/** Differences made only of spaces and punctuation are notation, not meaning. */
const NOTATION_ONLY = /^[\s\p{P}]*$/u;

const SAME_SIGN: Readonly<Record<string, string>> = { "≦": "≤", "≧": "≥", "〜": "~", "～": "~" };

/** The character a notation-insensitive comparison sees: NFKC (full-width → half-width), then ≦ → ≤. */
function notationKey(c: string): string {
  const folded = c.normalize("NFKC");
  return SAME_SIGN[folded] ?? folded;
}

function joinRuns(runs: readonly MarkedRun[]): MarkedRun[] {
  const out: MarkedRun[] = [];
  for (const run of runs) {
    if (run.text === "") continue;
    const last = out.at(-1);
    if (last?.marked === run.marked) out[out.length - 1] = { text: last.text + run.text, marked: run.marked };
    else out.push(run);
  }
  return out;
}

function commonPrefixLength(x: readonly string[], y: readonly string[]): number {
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

function commonSuffixLength(x: readonly string[], y: readonly string[]): number {
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}

/**
 * One segment per character, walking a table of LCS lengths of the suffixes `x[i..]`, `y[j..]`; characters are
 * compared by their keys `kx`, `ky`.
 */
function lcsSegments(
  x: readonly string[],
  y: readonly string[],
  kx: readonly string[],
  ky: readonly string[],
): DiffSegment[] {
  const width = y.length + 1;
  // Each distinct key gets a number, so the shared LCS table compares keys, not characters.
  const ids = new Map<string, number>();
  const codes = (keys: readonly string[]) =>
    Uint32Array.from(keys, (k) => {
      const id = ids.get(k) ?? ids.size;
      ids.set(k, id);
      return id;
    });
  const lcs = lcsTable(codes(kx), codes(ky), true);
  const at = (i: number, j: number): number => lcs[i * width + j] ?? 0;
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const cx = x[i];
    const cy = y[j];
    if (cx !== undefined && cy !== undefined && kx[i] === ky[j]) {
      out.push({ common: true, a: cx, b: cy });
      i++;
      j++;
    } else if (cx !== undefined && (cy === undefined || at(i + 1, j) >= at(i, j + 1))) {
      out.push({ common: false, a: cx, b: "" });
      i++;
    } else {
      out.push({ common: false, a: "", b: cy ?? "" });
      j++;
    }
  }
  return out;
}

function merge(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const s of segments) {
    if (s.a === "" && s.b === "") continue;
    const last = out.at(-1);
    if (last?.common === s.common) out[out.length - 1] = { common: s.common, a: last.a + s.a, b: last.b + s.b };
    else out.push(s);
  }
  return out;
}
