import { munkres } from "munkres";

/** A pairing of left item `left` with right item `right`, with its score. */
export interface Assignment {
  readonly left: number;
  readonly right: number;
  readonly score: number;
}

/**
 * Pairs left and right items to maximise the total score, as a global assignment (Hungarian method),
 * never first-come greedy. `score` returns a value in (0, 1] for an acceptable pair and null for a pair
 * that must not be made; any item may stay unpaired.
 */
export function assign(
  leftCount: number,
  rightCount: number,
  score: (left: number, right: number) => number | null,
): Assignment[] {
  if (leftCount === 0 || rightCount === 0) return [];
  const scores = Array.from({ length: leftCount }, (_, l) => Array.from({ length: rightCount }, (_, r) => score(l, r)));
  // One "stay unpaired" column per left item costs 1 (score 0); a forbidden pair costs more than that.
  const cost = scores.map((row, l) => [
    ...row.map((s) => (s === null ? 2 : 1 - s)),
    ...Array.from({ length: leftCount }, (_, k) => (k === l ? 1 : 3)),
  ]);
  return munkres(cost).flatMap(([l, r]) => {
    const s = r < rightCount ? scores[l]![r] : null;
    return s === null || s === undefined ? [] : [{ left: l, right: r, score: s }];
  });
}
