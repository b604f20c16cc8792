import type { FindingCategory, Severity } from "../model/schema.js";
import { RULES, type RuleId } from "../reconcile/messages.js";
import type { RuleSettings } from "../reconcile/settings.js";
import { CATEGORY_LABELS } from "./report.js";

const SEVERITY_LABELS = { error: "错误", warning: "警告", info: "提示" } as const satisfies Record<Severity, string>;

/** One row of the rule table. */
export interface RuleRow {
  readonly id: RuleId;
  readonly title: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly enabled: boolean;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The rule set as rows, consistency rules first, each kind in the order of config/rules.yaml. */
export function ruleRows(settings: RuleSettings): RuleRow[] {
  const ids = Object.keys(RULES) as RuleId[];
  return (["consistency", "quality"] as const).flatMap((category) =>
    ids
      .filter((id) => RULES[id].category === category)
      .map((id) => ({
        id,
        title: RULES[id].title,
        category,
        severity: settings[id].severity,
        enabled: settings[id].enabled,
        params: settings[id].params,
      })),
  );
}

/** Display width on a terminal: CJK and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

const pad = (text: string, to: number) => text + " ".repeat(Math.max(0, to - width(text)));

/** The rule table as text: id, Chinese title, kind, severity, on/off (`jixiao rules`). */
export function renderRuleTable(settings: RuleSettings): string {
  const header = ["规则 rule", "名称 title", "类别 kind", "严重程度 severity", "状态 on/off"];
  const rows = ruleRows(settings).map((r) => [
    r.id,
    r.title,
    `${CATEGORY_LABELS[r.category]} ${r.category}`,
    `${SEVERITY_LABELS[r.severity]} ${r.severity}`,
    r.enabled ? "启用 on" : "停用 off",
  ]);
  const widths = header.map((h, k) => Math.max(width(h), ...rows.map((r) => width(r[k]!))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, k) => pad(c, widths[k]!))
      .join("  ")
      .trimEnd();
  return `${[line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n")}\n`;
}
