import type { Inspection } from "../extract/index.js";
import type { CellRef } from "../model/schema.js";

const ROLE_LABELS = {
  "unit-row": "单位/金额单位行",
  "project-header": "项目表头",
  indicators: "绩效指标表",
  "project-header+indicators": "项目表头 + 绩效指标",
  other: "未识别",
} as const;

const at = (c: CellRef) => `第${c.row + 1}行第${c.col + 1}列`;

/**
 * The inspection as text for a terminal: per table its role, matched labels (label → field), the
 * indicator columns (header → role) and unmatched label-like cells; then what was extracted.
 */
export function renderInspection(inspection: Inspection): string {
  const lines: string[] = [];
  for (const t of inspection.tables) {
    const nested = t.parent ? `，嵌套于表 ${t.parent.table + 1}` : "";
    lines.push(`表 ${t.table + 1}（${t.rows} 行 × ${t.cols} 列${nested}）：${ROLE_LABELS[t.role]} [${t.role}]`);
    if (t.unit) lines.push(`  单位行：${t.unit.department ?? "（无单位名称）"}；金额单位：${t.unit.unit}`);
    for (const l of t.labels) lines.push(`  标签 ${at(l.at)} “${l.text}” → ${l.field}`);
    if (t.indicatorHeader) {
      lines.push(`  指标表头在第 ${t.indicatorHeader.row + 1} 行：`);
      for (const c of t.indicatorHeader.columns) {
        const target =
          c.kept === "project"
            ? `${c.role}（每行所属项目的字段 the row's project）`
            : c.role
              ? `${c.role}${c.set && c.set !== "shared" ? `（${c.set}）` : ""}`
              : c.kept === "ignored"
                ? "（跨行标签，忽略）"
                : "extra（原样保存）";
        lines.push(`    第${c.col + 1}列 “${c.header}” → ${target}`);
      }
    }
    if (t.unmatched.length > 0) {
      lines.push(
        `  未匹配的标签样单元格（可在配置中添加别名）：${t.unmatched.map((u) => `“${u.text}”(${at(u.at)})`).join("，")}`,
      );
    }
  }
  const doc = inspection.document;
  lines.push(
    "",
    `结果：${doc.projects.length} 个项目，${doc.projects.reduce((n, p) => n + p.indicators.length, 0)} 个指标；第一部分 ${doc.narrative?.projects.length ?? 0} 个项目。`,
  );
  for (const p of doc.projects) {
    const missing = [
      p.code === null && "项目编码",
      p.name === null && "项目名称",
      p.budget.total === null && "预算数",
    ].filter(Boolean);
    lines.push(
      `  ${p.name ?? p.title ?? "（无名称）"}：指标 ${p.indicators.length} 条${p.midTermIndicators.length ? `，中期指标 ${p.midTermIndicators.length} 条` : ""}${missing.length ? `；未找到：${missing.join("、")}` : ""}`,
    );
  }
  for (const w of doc.warnings) lines.push(`  提示 [${w.code}] ${w.message}`);
  return `${lines.join("\n")}\n`;
}
