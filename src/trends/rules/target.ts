import type { Indicator } from "../../model/schema.js";
import { foldName, labelKey } from "../../text.js";
import { change, indicatorEvidence, projectLabel, type TrendContext, type TrendRule } from "../change.js";

/** The category whose targets are caps (a lower value is the stricter target), in the vocabulary's words. */
const COST_CATEGORY = "成本指标";

/** Whether an indicator is a cost cap: under 成本指标 at either level, or under one of its 二级指标. */
export function isCost(indicator: Indicator, ctx: TrendContext): boolean {
  const { canonical, parentOf } = ctx.categories;
  return (
    canonical(indicator.level1) === COST_CATEGORY ||
    canonical(indicator.level2) === COST_CATEGORY ||
    (indicator.level2 !== null && parentOf(indicator.level2) === COST_CATEGORY)
  );
}

/** Which way a target is stricter: up for a floor (≥95%), down for a cap (≤30万元, or any cost with =). */
function direction(indicator: Indicator, ctx: TrendContext): "up" | "down" | null {
  switch (indicator.value.op) {
    case ">=":
    case ">":
      return "up";
    case "<=":
    case "<":
      return "down";
    case "=":
      return isCost(indicator, ctx) ? "down" : "up";
    default:
      return null;
  }
}

/** The two numbers on one scale: the same unit, or money units converted to 元; null when not comparable. */
function comparable(a: Indicator, b: Indicator, ctx: TrendContext): [number, number] | null {
  const [x, y] = [a.value.number, b.value.number];
  if (x === null || y === null) return null;
  if (foldName(a.value.unit) === foldName(b.value.unit)) return [x, y];
  const fa = a.value.unit === null ? undefined : ctx.moneyUnits[labelKey(a.value.unit)];
  const fb = b.value.unit === null ? undefined : ctx.moneyUnits[labelKey(b.value.unit)];
  return fa === undefined || fb === undefined ? null : [x * fa, y * fb];
}

/**
 * How a linked indicator's target moved from the earlier year to the later: `raised` when it became
 * stricter (≥90% → ≥95%, ≤35万元 → ≤30万元, ≥5 → >5), `lowered` when looser, null when unchanged or when
 * the two cannot be compared (qualitative, a range, another unit, the comparison turned around).
 */
export function targetMove(earlier: Indicator, later: Indicator, ctx: TrendContext): "raised" | "lowered" | null {
  if (earlier.value.kind !== "quantitative" || later.value.kind !== "quantitative") return null;
  const dir = direction(earlier, ctx);
  if (dir === null || dir !== direction(later, ctx)) return null;
  const numbers = comparable(earlier, later, ctx);
  if (numbers === null) return null;
  const [x, y] = numbers;
  if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x))) return (dir === "up" ? y > x : y < x) ? "raised" : "lowered";
  const strict = (op: string | null) => op === ">" || op === "<";
  if (strict(earlier.value.op) === strict(later.value.op)) return null;
  return strict(later.value.op) ? "raised" : "lowered";
}

/** The rule that reports a linked indicator whose target moved one way (`raised` or `lowered`) since the year before. */
export function targetMoved(
  move: "raised" | "lowered",
  rule: "trend-target-raised" | "trend-target-lowered",
): TrendRule {
  return (step, ctx) =>
    step.indicators.flatMap((i) => {
      if (!step.later || !i.earlier || !i.later || targetMove(i.earlier, i.later, ctx) !== move) return [];
      const indicator = i.later.level3 ?? i.earlier.level3 ?? "";
      return change(rule, ctx, {
        params: { project: projectLabel(step.later), indicator, from: i.earlier.value.raw, to: i.later.value.raw },
        project: step.later,
        indicator,
        from: i.earlier.value.raw,
        to: i.later.value.raw,
        earlier: indicatorEvidence(ctx.earlier, i.earlier),
        later: indicatorEvidence(ctx.later, i.later),
      });
    });
}
