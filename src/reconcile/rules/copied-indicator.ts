import { z } from "zod";
import { formatIndicatorValue } from "../../normalise/value.js";
import { foldName } from "../../text.js";
import { finding, indicatorName } from "../finding.js";
import type { DocumentRule } from "../rule.js";
import { subjectIndicators } from "../subject.js";

export const copiedIndicatorParams = z
  .object({
    /** Categories whose indicators are alike in every project by design (服务对象满意度 ≥90%). */
    ignoreCategories: z.array(z.string().min(1)).default(["满意度指标"]),
  })
  .strict();

/**
 * The same indicator with the same value in two projects of one document: a target copied from another
 * project rather than set for this one. Reported at each copy after the first project that has it.
 */
export const copiedIndicator: DocumentRule = (ctx) => {
  const { ignoreCategories } = ctx.rules.params("copied-indicator");
  const ignored = new Set(ignoreCategories.map((c) => ctx.categories.canonical(c) ?? c));
  const firstSeen = new Map<string, string>();
  return ctx.pairs.flatMap((pair) => {
    const projectName = pair.table?.name ?? pair.table?.title ?? pair.narrative?.name ?? "";
    const seenHere = new Set<string>();
    return subjectIndicators(pair).flatMap(({ indicator, part, evidence }) => {
      const level1 = ctx.categories.canonical(indicator.level1) ?? ctx.categories.parentOf(indicator.level2 ?? "");
      const name = foldName(indicatorName(indicator));
      if (name === "" || indicator.value.raw === "" || (level1 !== null && ignored.has(level1))) return [];
      const key = `${name}\u0000${foldName(formatIndicatorValue(indicator.value))}`;
      if (seenHere.has(key)) return [];
      seenHere.add(key);
      const other = firstSeen.get(key);
      if (other === undefined) {
        firstSeen.set(key, projectName);
        return [];
      }
      const value = formatIndicatorValue(indicator.value);
      return [finding("copied-indicator", pair, { part, name: indicatorName(indicator), value, other }, evidence)];
    });
  });
};
