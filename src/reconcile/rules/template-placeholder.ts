import type { Indicator, NarrativeIndicator } from "../../model/schema.js";
import { finding, indicatorName } from "../finding.js";
import type { ProjectRule } from "../rule.js";

/** `**` (or full-width ＊＊) stands in a template where the writer should have put a number. */
const PLACEHOLDER = /[*＊]{2}/u;

const FIELDS = [
  ["level3", "名称"],
  ["description", "描述"],
] as const;

/** Each placeholder left in an indicator: which field, and its text. */
function placeholders(i: Indicator | NarrativeIndicator): { field: string; text: string }[] {
  const found: { field: string; text: string }[] = FIELDS.flatMap(([key, field]) => {
    const text = i[key];
    return text !== null && PLACEHOLDER.test(text) ? [{ field, text }] : [];
  });
  if (PLACEHOLDER.test(i.value.raw)) found.push({ field: "指标值", text: i.value.raw });
  return found;
}

/** A template placeholder (`完成数量(≥**个)`, `(≥**株)>=17600株`) left in a name, description or value, in either part. */
export const templatePlaceholder: ProjectRule = (pair) => [
  ...(pair.narrative?.indicators ?? []).flatMap((narrative) =>
    placeholders(narrative).map((p) =>
      finding("template-placeholder", pair, { part: "第一部分", name: indicatorName(narrative), ...p }, { narrative }),
    ),
  ),
  ...(pair.table?.indicators ?? []).flatMap((table) =>
    placeholders(table).map((p) =>
      finding("template-placeholder", pair, { part: "第二部分表格", name: indicatorName(table), ...p }, { table }),
    ),
  ),
];
