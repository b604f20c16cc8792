import type { TrendRule } from "../change.js";
import { targetMoved } from "./target.js";

/** The same indicator with a stricter target than the year before (≥90% → ≥95%; a cost cap ≤35万 → ≤30万). */
export const targetRaised: TrendRule = targetMoved("raised", "trend-target-raised");
