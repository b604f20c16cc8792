import type { Indicator, NarrativeIndicator } from "../../model/schema.js";
import { finding, indicatorName, oneSide, sides } from "../finding.js";
import type { RuleParams } from "../messages.js";
import type { ProjectRule } from "../rule.js";

/** `**` (or full-width ＊＊) stands in a template where the writer should have put a number. */
const PLACEHOLDER = /[*＊]{2}/u;

/** The text fields a placeholder is looked for in, besides the value. */
const FIELDS = ["level3", "description"] as const;

/** Each placeholder left in an indicator: which field, and its text. */
function placeholders(
  i: Indicator | NarrativeIndicator,
): { field: RuleParams<"template-placeholder">["field"]; text: string }[] {
  const found = FIELDS.flatMap((field) => {
    const text = i[field];
    return text !== null && PLACEHOLDER.test(text) ? [{ field, text }] : [];
  });
  return PLACEHOLDER.test(i.value.raw) ? [...found, { field: "value" as const, text: i.value.raw }] : found;
}

/** A template placeholder (`完成数量(≥**个)`, `(≥**株)>=17600株`) left in a name, description or value, in either part. */
export const templatePlaceholder: ProjectRule = (pair) =>
  sides(pair).flatMap(({ part, indicators }) =>
    indicators.flatMap((i) =>
      placeholders(i).map((p) =>
        finding("template-placeholder", pair, { part, name: indicatorName(i), ...p }, oneSide(i)),
      ),
    ),
  );
