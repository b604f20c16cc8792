import { z } from "zod";
import type { CellRef, Indicator, NarrativeIndicator, ParagraphRef } from "../../model/schema.js";
import type { ProjectPair } from "../align.js";
import type { RuleContext } from "../rule.js";

/** `2025年`, not inside a document number (`冀财建[2024]255号`, `〔2024〕`) and not a year range's start. */
const YEAR = /(?<![[〔【(（\d])(20\d{2})\s*年/gu;

/** The budget year: given in the rule's params, else the year the document's texts name most often. */
export const yearParams = z
  .object({
    year: z.number().int().min(1990).max(2100).nullable().default(null),
  })
  .strict();

/** Every `20xx年` in a text that is not preceded by a word that makes it a baseline (较2024年, 截至2024年底). */
export function yearsIn(text: string | null, baselineWords: readonly string[] = []): number[] {
  if (text === null) return [];
  return [...text.matchAll(YEAR)].flatMap((m) => {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    return baselineWords.some((w) => before.endsWith(w)) ? [] : [Number(m[1])];
  });
}

function indicatorTexts(i: Indicator | NarrativeIndicator): (string | null)[] {
  return [i.level3, i.description, i.value.raw, "basis" in i ? i.basis : null];
}

/** Every text of the document a year may be written in. */
function documentTexts(ctx: RuleContext): (string | null)[] {
  return [
    ...ctx.pairs.flatMap((p: ProjectPair) => [
      p.table?.title ?? null,
      p.table?.name ?? null,
      ...(p.table?.goals ?? []),
      ...(p.table?.indicators ?? []).flatMap(indicatorTexts),
    ]),
    ...(ctx.narrative?.projects ?? []).flatMap((p) => [p.name, p.goal, ...p.indicators.map((i) => i.sentence)]),
  ];
}

const memo = new WeakMap<RuleContext, number | null>();

/** The document's budget year: the configured one, else the most frequent `20xx年` (the later on a tie); null if none. */
export function documentYear(ctx: RuleContext, configured: number | null): number | null {
  if (configured !== null) return configured;
  if (memo.has(ctx)) return memo.get(ctx)!;
  const counts = new Map<number, number>();
  for (const text of documentTexts(ctx)) for (const y of yearsIn(text)) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, count] of counts)
    if (best === null || count > counts.get(best)! || (count === counts.get(best)! && year > best)) best = year;
  memo.set(ctx, best);
  return best;
}

/** The fields of an indicator a year is looked for in, with their Chinese names. */
export function indicatorFields(i: Indicator | NarrativeIndicator): { where: string; text: string | null }[] {
  return [
    { where: "指标名称", text: i.level3 },
    { where: "指标描述", text: i.description === i.level3 ? null : i.description },
    { where: "指标值", text: i.value.raw },
    { where: "指标值确定依据", text: "basis" in i ? i.basis : null },
  ];
}

export type Place = CellRef | ParagraphRef | null;
