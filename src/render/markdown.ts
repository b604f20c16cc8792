import type { Finding, IndicatorEvidence, JixiaoDocument, Warning } from "../model/schema.js";
import {
  buildReportView,
  byCategory,
  comparedFields,
  formatYuan,
  type IndexedFinding,
  locationLabel,
  type ProjectView,
  projectName,
  type ReportCounts,
  SEVERITY_LABELS,
} from "./report.js";

/**
 * Renders the audit as a Chinese Markdown report: title and counts, document-level findings, one section per
 * project with each finding's Part 1 / Part 2 comparison table, then the reading warnings.
 */
export function renderMarkdown(doc: JixiaoDocument): string {
  const view = buildReportView(doc);
  const blocks = [
    ...titleBlocks(doc),
    countsBlock(view.counts),
    ...documentBlocks(view.documentFindings),
    ...view.projects.flatMap(projectBlocks),
    ...warningBlocks(doc.warnings),
  ];
  return `${blocks.join("\n\n")}\n`;
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

function countsBlock(counts: ReportCounts): string {
  const f = counts.findings;
  return [
    "## 概况",
    "",
    `- 项目：第二部分 ${counts.projects} 个，第一部分 ${counts.narrativeProjects} 个`,
    `- 指标：第二部分 ${counts.indicators} 条，第一部分 ${counts.narrativeIndicators} 条`,
    `- 问题：${SEVERITY_LABELS.error} ${f.error} 条，${SEVERITY_LABELS.warning} ${f.warning} 条，${SEVERITY_LABELS.info} ${f.info} 条`,
  ].join("\n");
}

function documentBlocks(findings: readonly IndexedFinding[]): string[] {
  if (findings.length === 0) return [];
  return ["## 文档层面的问题", ...findings.flatMap(({ finding }) => findingBlocks(finding))];
}

function projectBlocks(view: ProjectView): string[] {
  const facts = [
    `- 项目编码：${escapeText(view.table?.code ?? "—")}`,
    `- 预算（第二部分）：${view.table ? formatYuan(view.table.budget.total) : "第二部分没有对应的项目表"}`,
    `- 金额（第一部分）：${view.narrative ? formatYuan(view.narrative.amount) : "第一部分没有对应的项目说明"}`,
    `- 问题：${view.findings.length === 0 ? "未发现问题" : `${view.findings.length} 条`}`,
  ];
  const { consistency, quality } = byCategory(view.findings);
  return [
    `## ${escapeText(projectName(view))}`,
    facts.join("\n"),
    ...consistency.flatMap(({ finding }) => findingBlocks(finding)),
    ...(quality.length === 0
      ? []
      : [
          `### 目标质量问题（${quality.length} 条）`,
          ...quality.flatMap(({ finding }) => findingBlocks(finding, "####")),
        ]),
  ];
}

function findingBlocks(finding: Finding, level = "###"): string[] {
  const heading = `${level} ${SEVERITY_LABELS[finding.severity]} · ${escapeText(finding.rule)}`;
  const hasEvidence = finding.narrative !== null || finding.table !== null;
  const where = finding.at ? [`位置：${locationLabel(finding.at)}`] : [];
  return [heading, escapeText(finding.message), ...where, ...(hasEvidence ? [comparisonTable(finding)] : [])];
}

function comparisonTable(finding: Finding): string {
  const rows = [
    ...comparedFields(finding).map((f) => [f.label, f.narrative, f.table] as const),
    ["位置", locationOf(finding.narrative), locationOf(finding.table)] as const,
    ["原文", finding.narrative?.text ?? null, finding.table?.text ?? null] as const,
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
    return `- ${SEVERITY_LABELS[w.severity]} · ${escapeText(w.code)}：${escapeText(w.message)}${place}`;
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
