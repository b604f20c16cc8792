import { foldName } from "../../text.js";
import { compared } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/**
 * The narrative gives a paired indicator a real description (not its name repeated) that the table's
 * does not contain, nor contains: often a copy-paste slip (后续养护资金落实情况 described as 生态效益指标).
 */
export const indicatorDescriptionMismatch: ProjectRule = (pair) =>
  pair.indicators.flatMap(({ narrative, table }) => {
    if (!narrative?.description || !table?.description) return [];
    const a = foldName(narrative.description);
    const b = foldName(table.description);
    if (a === foldName(narrative.level3) || a.includes(b) || b.includes(a)) return [];
    return [
      compared("indicator-description-mismatch", pair, narrative, table, {
        narrative: narrative.description,
        table: table.description,
      }),
    ];
  });
