import type { TrendRule } from "../change.js";
import { targetMoved } from "./target.js";

/** The same indicator with a looser target than the year before (≥95% → ≥90%; a cost cap ≤30万 → ≤35万). */
export const targetLowered: TrendRule = targetMoved("lowered", "trend-target-lowered");
