/** A difference between an expected and an actual value, by JSON path. */
export interface Difference {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/**
 * Lists where `actual` differs from `expected`, walking only the keys `expected` has (extra fields in
 * `actual` are allowed: the output contract lets us add fields). Numbers compare within 1e-9.
 */
export function diffExpected(expected: unknown, actual: unknown, path = "$"): Difference[] {
  if (typeof expected === "number" && typeof actual === "number") {
    return Math.abs(expected - actual) < 1e-9 ? [] : [{ path, expected, actual }];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path, expected: `array(${expected.length})`, actual }];
    const length = Math.max(expected.length, actual.length);
    return Array.from({ length }, (_, i) =>
      i >= expected.length
        ? [{ path: `${path}[${i}]`, expected: undefined, actual: actual[i] }]
        : diffExpected(expected[i], actual[i], `${path}[${i}]`),
    ).flat();
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") return [{ path, expected: "object", actual }];
    return Object.entries(expected).flatMap(([key, value]) =>
      diffExpected(value, (actual as Record<string, unknown>)[key], `${path}.${key}`),
    );
  }
  return Object.is(expected, actual) ? [] : [{ path, expected, actual }];
}

/** One line per difference, for a readable failure message. */
export function formatDifferences(differences: readonly Difference[]): string {
  return differences
    .map((d) => `${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`)
    .join("\n");
}
