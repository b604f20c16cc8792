import { type Severity, SeveritySchema } from "./schema.js";

/** Counts by severity, every severity present. */
export type SeverityCounts = Record<Severity, number>;

/** Every severity at zero. */
export function emptyTally(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

/** Counts findings by severity, into `into` (a new tally by default): the one place findings are counted. */
export function tallySeverities(
  findings: Iterable<{ readonly severity: Severity }>,
  into: SeverityCounts = emptyTally(),
): SeverityCounts {
  for (const f of findings) into[f.severity]++;
  return into;
}

/** Adds an earlier tally (a document's, where a severity may be missing) into `into`. */
export function addTally(into: SeverityCounts, counts: Partial<Readonly<SeverityCounts>>): SeverityCounts {
  for (const s of SeveritySchema.options) into[s] += counts[s] ?? 0;
  return into;
}
