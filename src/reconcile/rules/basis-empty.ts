import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/**
 * A table row whose 指标值确定依据 is blank while other rows of the same table fill it in. A blank cell and a
 * missing column both read as null, so a table with no basis at all is not judged: it may be a template
 * without that column.
 */
export const basisEmpty: ProjectRule = (pair) => {
  const rows = pair.table?.indicators ?? [];
  if (!rows.some((i) => (i.basis ?? "").trim() !== "")) return [];
  return rows.flatMap((table) => {
    const name = indicatorName(table);
    return (table.basis ?? "").trim() === "" && name !== "" ? [finding("basis-empty", pair, { name }, { table })] : [];
  });
};
