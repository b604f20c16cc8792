import type { IndicatorEvidence, JixiaoDocument, Severity } from "../model/schema.js";
import {
  buildReportView,
  COMPLETENESS_LABELS,
  itemTitle,
  locationLabel,
  type ProjectView,
  projectName,
  type ReportItem,
  reportVerdict,
  SEVERITIES,
  SEVERITY_LABELS,
  UNCHECKED_LABEL,
} from "./report.js";

/** Options of the terminal view. */
export interface TextOptions {
  /** ANSI colours (the CLI turns them on for a terminal only). */
  readonly color?: boolean;
}

const ANSI = {
  error: "31",
  warning: "33",
  info: "34",
  bold: "1",
  dim: "2",
  muted: "90",
} as const;

type Style = keyof typeof ANSI;

/**
 * Renders the audit for a terminal: the verdict, then each project (worst first, as in the reports) with its
 * items most serious first, one line each with the two sides' locations under it. Plain text unless `color`.
 */
export function renderText(doc: JixiaoDocument, options: TextOptions = {}): string {
  const paint = (style: Style, text: string): string =>
    options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
  const view = buildReportView(doc);
  const verdict = reportVerdict(doc, view);
  const counts = view.counts;
  const department = doc.department ? ` — ${doc.department.name}` : "";
  const headline = verdict.kind === "clean" ? verdict.headline : paint(verdictStyle(verdict.kind), verdict.headline);
  const lines = [
    paint("bold", `${doc.source.path}${department}`),
    `${headline}${verdict.detail ? `：${verdict.detail}` : ""}`,
    paint(
      "muted",
      `项目 ${counts.projects} 个（第一部分 ${counts.narrativeProjects} 个）· 指标 ${counts.indicators} 条（第一部分 ${counts.narrativeIndicators} 条）`,
    ),
  ];
  if (doc.error) lines.push(paint("error", `未能处理此文件：${doc.error.message}`));
  else if (doc.completeness.status !== "complete") {
    lines.push(paint("warning", `${COMPLETENESS_LABELS[doc.completeness.status]}：`));
    for (const r of doc.completeness.reasons) lines.push(`  ${r.message}`);
  }
  const block = (title: string, items: readonly ReportItem[], note: string | null): string[] => [
    "",
    `${paint("bold", title)}${tally(items, paint)}${note ? `  ${paint("muted", note)}` : ""}`,
    ...items.flatMap((item) => itemLines(item, paint)),
  ];
  if (view.documentItems.length > 0) lines.push(...block("文档层面", view.documentItems, null));
  for (const project of view.projects) lines.push(...block(projectName(project), project.items, projectNote(project)));
  return `${lines.join("\n")}\n`;
}

function verdictStyle(kind: string): Style {
  return kind === "error" || kind === "failed"
    ? "error"
    : kind === "warning"
      ? "warning"
      : kind === "info"
        ? "info"
        : "bold";
}

function tally(items: readonly ReportItem[], paint: (style: Style, text: string) => string): string {
  const parts = SEVERITIES.map((s) => [s, items.filter((i) => i.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => paint(s, `${SEVERITY_LABELS[s]} ${n}`));
  return parts.length === 0 ? "" : `  ${parts.join(" · ")}`;
}

function projectNote(project: ProjectView): string | null {
  if (!project.check.checked) return `${UNCHECKED_LABEL}：${project.check.reasons.join("；")}`;
  return project.items.length === 0 ? "未发现问题" : null;
}

function itemLines(item: ReportItem, paint: (style: Style, text: string) => string): string[] {
  const label = (s: Severity) => paint(s, SEVERITY_LABELS[s]);
  const [first, ...rest] = item.findings;
  const lines = [`  ${label(item.severity)}  ${paint("bold", itemTitle(item))}  ${first?.finding.message ?? ""}`];
  for (const { finding } of rest) lines.push(`        ${label(finding.severity)} ${finding.message}`);
  const where = [side("第一部分", item.narrative), side("第二部分", item.table)].filter((s) => s !== null);
  if (where.length > 0) lines.push(paint("muted", `        ${where.join("  ↔  ")}`));
  return lines;
}

function side(part: string, evidence: IndicatorEvidence | null): string | null {
  if (evidence === null || evidence.at === null) return null;
  const value = evidence.value?.raw ? ` ${evidence.value.raw}` : "";
  return `${part}${value}（${locationLabel(evidence.at)}）`;
}
