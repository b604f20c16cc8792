import { charCodes, lcsTable } from "../text.js";

/** Length of the longest common subsequence of two strings (by UTF-16 unit, fine for CJK names). */
export function lcsLength(a: string, b: string): number {
  return a.length === 0 || b.length === 0 ? 0 : lcsTable(charCodes(a), charCodes(b), false)[0]!;
}

/** Dice-style similarity in [0, 1]: twice the common subsequence over the total length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length + b.length === 0) return 1;
  return (2 * lcsLength(a, b)) / (a.length + b.length);
}

/** How much of the shorter string the longer one contains, in order, in [0, 1]. */
export function containment(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  return shorter === 0 ? 0 : lcsLength(a, b) / shorter;
}
