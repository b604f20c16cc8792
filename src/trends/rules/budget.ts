import type { ProjectStep } from "../link.js";

/** The relative change of a linked project's 预算数 (0.5 = grew by half), or null when either is blank or 0. */
export function budgetChange(step: ProjectStep): number | null {
  const from = step.earlier?.budget.total ?? null;
  const to = step.later?.budget.total ?? null;
  if (from === null || to === null || from === 0) return null;
  return (to - from) / from;
}

/** A relative change as a reader says it: `增加 50%`, `减少 25%`. */
export function describeChange(ratio: number): string {
  const percent = Number((Math.abs(ratio) * 100).toFixed(1));
  return `${ratio >= 0 ? "增加" : "减少"} ${percent}%`;
}
