import { z } from "zod";
import type { Indicator, NarrativeIndicator } from "../../model/schema.js";
import { finding, indicatorName, oneSide, sides } from "../finding.js";
import type { RuleParams } from "../messages.js";
import type { ProjectRule } from "../rule.js";

/**
 * Template text a writer should have replaced: `**` (完成数量(≥**个)), XX / ×× (a number to fill in), 某某
 * (a name to fill in), 待定 / 待补充 (to be decided). Regular expressions, matched anywhere in the text.
 */
export const templatePlaceholderParams = z
  .object({
    patterns: z
      .array(
        z
          .string()
          .min(1)
          .refine((p) => {
            try {
              new RegExp(p, "u");
              return true;
            } catch {
              return false;
            }
          }, "not a valid regular expression"),
      )
      .default(["[*＊]{2,}", "[XxＸｘ×]{2,}", "某某", "待定", "待补充", "待填"]),
  })
  .strict();

/** The text fields a placeholder is looked for in, besides the value. */
const FIELDS = ["level3", "description"] as const;

const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern, "u");
    compiled.set(pattern, re);
  }
  return re;
}

/** The first placeholder in a text, or null. */
function placeholderIn(text: string | null, patterns: readonly string[]): string | null {
  if (text === null || text === "") return null;
  for (const p of patterns) {
    const m = regex(p).exec(text);
    if (m) return m[0];
  }
  return null;
}

type Found = { field: RuleParams<"template-placeholder">["field"]; text: string; token: string };

/** Each field of an indicator with a placeholder left in it: which field, its text and the placeholder. */
function placeholders(i: Indicator | NarrativeIndicator, patterns: readonly string[]): Found[] {
  const texts = [...FIELDS.map((field) => [field, i[field]] as const), ["value", i.value.raw] as const];
  return texts.flatMap(([field, text]) => {
    const token = placeholderIn(text, patterns);
    return token === null || text === null ? [] : [{ field, text, token }];
  });
}

/** A template placeholder (`完成数量(≥**个)`, `XX个`, `某某单位`) left in a name, description or value, in either part. */
export const templatePlaceholder: ProjectRule = (pair, ctx) => {
  const { patterns } = ctx.rules.params("template-placeholder");
  return sides(pair).flatMap(({ part, indicators }) =>
    indicators.flatMap((i) =>
      placeholders(i, patterns).map((p) =>
        finding("template-placeholder", pair, { part, name: indicatorName(i), ...p }, oneSide(i)),
      ),
    ),
  );
};
