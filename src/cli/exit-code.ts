import type { Severity } from "../model/schema.js";

/** How a run ended, as far as the exit code is concerned. */
export interface RunOutcome {
  readonly failed: number;
  readonly findings: Readonly<Record<Severity, number>>;
}

/** Findings of at least this severity fail the run (for gating submissions in CI); none by default. */
export type FailOn = "error" | "warning" | "none";

/** 0 when every input was processed, 1 when one failed or findings reached `failOn`. Usage errors (2) are decided before a run. */
export function getExitCode(outcome: RunOutcome, failOn: FailOn = "none"): 0 | 1 {
  if (outcome.failed > 0) return 1;
  if (failOn === "error" && outcome.findings.error > 0) return 1;
  if (failOn === "warning" && outcome.findings.error + outcome.findings.warning > 0) return 1;
  return 0;
}
