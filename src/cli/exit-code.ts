import type { Severity } from "../model/schema.js";

/** How a run ended, as far as the exit code is concerned. */
export interface RunOutcome {
  readonly failed: number;
  readonly findings: Readonly<Record<Severity, number>>;
  readonly interrupted: boolean;
  /** Documents not read completely (completeness "partial" or "unread"). */
  readonly incomplete: number;
}

/** Findings of at least this severity fail the run (for gating submissions in CI); none by default. */
export type FailOn = "error" | "warning" | "partial" | "none";

/**
 * 130 when interrupted (Ctrl-C), 1 when an input failed, findings reached `failOn`, or (`--fail-on partial`)
 * a document was not read completely; else 0.
 * Usage errors (2) are decided before a run.
 */
export function getExitCode(outcome: RunOutcome, failOn: FailOn = "none"): 0 | 1 | 130 {
  if (outcome.interrupted) return 130;
  if (outcome.failed > 0) return 1;
  if (failOn === "error" && outcome.findings.error > 0) return 1;
  if (failOn === "warning" && outcome.findings.error + outcome.findings.warning > 0) return 1;
  if (failOn === "partial" && outcome.incomplete > 0) return 1;
  return 0;
}
