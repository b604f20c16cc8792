import type { IndicatorEvidence, JixiaoDocument, Warning } from "../model/schema.js";
import {
  buildReportView,
  byCategory,
  COMPLETENESS_LABELS,
  comparedFields,
  formatYuan,
  itemTitle,
  locationLabel,
  type ProjectView,
  projectName,
  type ReportItem,
  type ReportView,
  reportVerdict,
  ruleTitle,
  SEVERITIES,
  SEVERITY_LABELS,
  UNCHECKED_LABEL,
} from "./report.js";
/**
 * Renders the audit as a Chinese Markdown report, in the HTML report's order: title, the verdict and counts, a
 * numbered one-line summary of every error and warning, document-level items, then the projects worst first
 * with their items (findings about the same pair grouped into one) most serious first, each with its Part 1 /
 * Part 2 comparison table, then the reading warnings.
 */
export function renderMarkdown(doc: JixiaoDocument): string {
  const view = buildReportView(doc);
  const numbers = itemNumbers(view);
  const blocks = [
    ...titleBlocks(doc),
    verdictBlock(doc, view),
    ...summaryBlocks(view, numbers),
    ...documentBlocks(view.documentItems, numbers),
    ...view.projects.flatMap((p) => projectBlocks(p, numbers)),
    ...warningBlocks(doc.warnings),
  ];
  return `${blocks.join("\n\n")}\n`;
}

/** Items are numbered 问题 1, 2, … in the order the report shows them, so the summary can point at each. */
function itemNumbers(view: ReportView): ReadonlyMap<ReportItem, number> {
  const all = [...view.documentItems, ...view.projects.flatMap((p) => p.items)];
  return new Map(all.map((item, i) => [item, i + 1]));
}

function titleBlocks(doc: JixiaoDocument): string[] {
  const department = doc.department;
  const facts = [
    `- 文件：${escapeText(doc.source.path)}`,
    department &&
      `- 单位：${escapeText(department.name)}${department.code ? `（${escapeText(department.code)}）` : ""}`,
    doc.moneyUnit && `- 金额单位：${escapeText(doc.moneyUnit)}`,
  ];
  const error = doc.error
    ? [`> **未能处理此文件**（${escapeText(doc.error.code)}）：${escapeText(doc.error.message)}`]
    : [];
  return [`# 绩效目标审核报告：${escapeText(doc.source.path)}`, facts.filter(Boolean).join("\n"), ...error];
}

function verdictBlock(doc: JixiaoDocument, view: ReportView): string {
  const { findings: f, items } = view.counts;
  const counts = view.counts;
  const verdict = reportVerdict(doc, view);
  const merged = SEVERITIES.map((s) => `${SEVERITY_LABELS[s]} ${items[s]} 项`).join("、");
  return [
    "## 结论",
    "",
    `**${escapeText(verdict.headline)}**${verdict.detail ? `：${escapeText(verdict.detail)}` : ""}`,
    "",
    `- 读取：${COMPLETENESS_LABELS[doc.completeness.status]}${doc.completeness.reasons.map((r) => `\n  - ${escapeText(r.message)}`).join("")}`,
    `- 核对：${view.check.checked ? "第一部分与第二部分已相互核对" : `**${UNCHECKED_LABEL}**（${escapeText(view.check.reasons.join("；"))}）`}`,
    `- 问题：${SEVERITY_LABELS.error} ${f.error} 条，${SEVERITY_LABELS.warning} ${f.warning} 条，${SEVERITY_LABELS.info} ${f.info} 条（合并为 ${merged}）`,
    `- 项目：第二部分 ${counts.projects} 个，第一部分 ${counts.narrativeProjects} 个`,
    `- 指标：第二部分 ${counts.indicators} 条，第一部分 ${counts.narrativeIndicators} 条`,
  ].join("\n");
}

function summaryBlocks(view: ReportView, numbers: ReadonlyMap<ReportItem, number>): string[] {
  if (view.summary.length === 0) {
    return ["## 错误和警告", view.check.checked ? "没有错误和警告。" : `${UNCHECKED_LABEL}，不能说明没有问题。`];
  }
  const lines = view.summary.map(({ item, project }) => {
    const where = project ? projectName(project) : "文档";
    const message = item.findings[0]?.finding.message ?? "";
    return `- **${SEVERITY_LABELS[item.severity]}** · ${escapeText(itemTitle(item))} · ${escapeText(where)}：${escapeText(message)}（见问题 ${numbers.get(item)}）`;
  });
  return [`## 错误和警告（${view.summary.length} 项）`, lines.join("\n")];
}

function documentBlocks(items: readonly ReportItem[], numbers: ReadonlyMap<ReportItem, number>): string[] {
  if (items.length === 0) return [];
  return ["## 文档层面的问题", ...items.flatMap((item) => itemBlocks(item, numbers))];
}

function projectBlocks(view: ProjectView, numbers: ReadonlyMap<ReportItem, number>): string[] {
  const none = view.check.checked ? "未发现问题" : "未核对，不能说明没有问题";
  const facts = [
    `- 项目编码：${escapeText(view.table?.code ?? "—")}`,
    `- 预算（第二部分）：${view.table ? formatYuan(view.table.budget.total) : "第二部分没有对应的项目表"}`,
    `- 金额（第一部分）：${view.narrative ? formatYuan(view.narrative.amount) : "第一部分没有对应的项目说明"}`,
    ...(view.check.checked ? [] : [`- 核对：**${UNCHECKED_LABEL}**（${escapeText(view.check.reasons.join("；"))}）`]),
    `- 问题：${view.items.length === 0 ? none : `${view.items.length} 项`}`,
  ];
  const { consistency, quality } = byCategory(view.items);
  return [
    `## ${escapeText(projectName(view))}`,
    facts.join("\n"),
    ...consistency.flatMap((item) => itemBlocks(item, numbers)),
    ...(quality.length === 0
      ? []
      : [`### 目标质量问题（${quality.length} 项）`, ...quality.flatMap((item) => itemBlocks(item, numbers, "####"))]),
  ];
}

function itemBlocks(item: ReportItem, numbers: ReadonlyMap<ReportItem, number>, level = "###"): string[] {
  const heading = `${level} 问题 ${numbers.get(item)}：${SEVERITY_LABELS[item.severity]} · ${escapeText(itemTitle(item))}`;
  const findings = item.findings.map(({ finding }) => finding);
  const text =
    findings.length === 1
      ? escapeText(findings[0]?.message ?? "")
      : findings
          .map((f) => `- ${SEVERITY_LABELS[f.severity]} · ${escapeText(ruleTitle(f.rule))}：${escapeText(f.message)}`)
          .join("\n");
  const ids = `规则编号：${findings.map((f) => `\`${f.rule}\``).join("、")}`;
  const hasEvidence = item.narrative !== null || item.table !== null;
  const at = hasEvidence ? undefined : findings.find((f) => f.at)?.at;
  const where = at ? [`位置：${locationLabel(at)}`] : [];
  return [heading, text, ...where, ...(hasEvidence ? [comparisonTable(item)] : []), ids];
}

function comparisonTable(sides: Pick<ReportItem, "narrative" | "table">): string {
  const rows = [
    ...comparedFields(sides).map((f) => [f.label, f.narrative, f.table] as const),
    ["位置", locationOf(sides.narrative), locationOf(sides.table)] as const,
    ["原文", sides.narrative?.text ?? null, sides.table?.text ?? null] as const,
  ];
  return [
    "| | 第一部分（文字） | 第二部分（表格） |",
    "| --- | --- | --- |",
    ...rows.map(([label, a, b]) => `| ${label} | ${cell(a)} | ${cell(b)} |`),
  ].join("\n");
}

function locationOf(evidence: IndicatorEvidence | null): string | null {
  return evidence?.at ? locationLabel(evidence.at) : null;
}

function warningBlocks(warnings: readonly Warning[]): string[] {
  if (warnings.length === 0) return [];
  const items = warnings.map((w) => {
    const place = w.at ? `（${locationLabel(w.at)}）` : "";
    return `- ${SEVERITY_LABELS[w.severity]}：${escapeText(w.message)}${place}`;
  });
  return ["## 读取提示", items.join("\n")];
}

function cell(text: string | null): string {
  return text === null ? "—" : escapeText(text.replace(/\s*\n\s*/gu, " "));
}

// Backslash-escapes the ASCII punctuation Markdown could read as markup, so document text shows as written
// (including `<script>`, which some viewers would otherwise pass through as HTML).
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/gu, (c) => `\\${c}`);
}
