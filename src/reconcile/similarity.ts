/** Length of the longest common subsequence of two strings (by UTF-16 unit, fine for CJK names). */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Two rows of the table, swapped, rather than a new row per character: this runs for every pair scored.
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      current[j] = ai === b.charCodeAt(j - 1) ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
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
