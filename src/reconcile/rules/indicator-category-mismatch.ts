import { categoryAgreement } from "../align.js";
import { compared } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** A paired indicator filed under different categories (社会效益指标 in the narrative, 生态效益指标 in the table). */
export const indicatorCategoryMismatch: ProjectRule = (pair, ctx) =>
  pair.indicators.flatMap(({ narrative, table }) => {
    if (!narrative || !table || categoryAgreement(narrative, table, ctx.categories) !== false) return [];
    const label = (i: { level1: string | null; level2: string | null }) =>
      [i.level1, i.level2].filter(Boolean).join("—");
    return [
      compared("indicator-category-mismatch", pair, narrative, table, {
        narrative: label(narrative),
        table: label(table),
      }),
    ];
  });
