import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/**
 * A table row whose 指标值确定依据 cell is blank. Only where the table has that column (a blank cell reads as
 * "", a missing column as null): templates without it are not faulted.
 */
export const basisEmpty: ProjectRule = (pair) =>
  (pair.table?.indicators ?? []).flatMap((table) => {
    const name = indicatorName(table);
    return table.basis !== null && table.basis.trim() === "" && name !== ""
      ? [finding("basis-empty", pair, { name }, { table })]
      : [];
  });
