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
 */
export function diffChars(a: string, b: string): DiffSegment[] {
  const x = Array.from(a);
  const y = Array.from(b);
  const head = commonPrefixLength(x, y);
  const tail = commonSuffixLength(x.slice(head), y.slice(head));
  const midA = x.slice(head, x.length - tail);
  const midB = y.slice(head, y.length - tail);
  const middle =
    midA.length * midB.length > MAX_LCS_CELLS
      ? [{ common: false, a: midA.join(""), b: midB.join("") }]
      : lcsSegments(midA, midB);
  const prefix = x.slice(0, head).join("");
  const suffix = x.slice(x.length - tail).join("");
  return merge([{ common: true, a: prefix, b: prefix }, ...middle, { common: true, a: suffix, b: suffix }]);
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

/** One segment per character, walking a table of LCS lengths of the suffixes `x[i..]`, `y[j..]`. */
function lcsSegments(x: readonly string[], y: readonly string[]): DiffSegment[] {
  const width = y.length + 1;
  const codes = (chars: readonly string[]) => Uint32Array.from(chars, (c) => c.codePointAt(0)!);
  const lcs = lcsTable(codes(x), codes(y), true);
  const at = (i: number, j: number): number => lcs[i * width + j] ?? 0;
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const cx = x[i];
    const cy = y[j];
    if (cx !== undefined && cx === cy) {
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
