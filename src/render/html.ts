import type {
  CellRef,
  Finding,
  IndicatorEvidence,
  JixiaoDocument,
  NarrativeProject,
  ParagraphRef,
  Project,
  Severity,
  Warning,
} from "../model/schema.js";
import { diffChars } from "./diff.js";
import { escapeHtml } from "./escape.js";
import { REPORT_CSS, REPORT_SCRIPT } from "./html-assets.js";
import {
  buildReportView,
  byCategory,
  type ComparedField,
  comparedFields,
  formatYuan,
  type IndexedFinding,
  locationLabel,
  type ProjectView,
  projectName,
  type ReportCounts,
  type ReportView,
  SEVERITIES,
  SEVERITY_LABELS,
} from "./report.js";

/** The element ids the page contains, and the most serious finding pointing at each. */
interface Anchors {
  readonly present: ReadonlySet<string>;
  readonly flags: ReadonlyMap<string, Severity>;
  /** Ids already written, so a place read twice never yields a duplicate id. */
  readonly written: Set<string>;
}

/**
 * Renders the audit as one standalone HTML page (inline CSS and script, no external assets): counts and a
 * severity filter, document-level findings, then per project its findings with the two sides compared and
 * their differences marked, followed by its Part 1 sentences and Part 2 indicator rows as link targets.
 */
export function renderHtml(doc: JixiaoDocument): string {
  const view = buildReportView(doc);
  const anchors = collectAnchors(doc, view);
  const body = [
    headerHtml(doc, view.counts),
    warningsHtml(doc.warnings, anchors),
    tocHtml(view),
    documentSectionHtml(view.documentFindings, anchors),
    ...view.projects.map((p, i) => projectHtml(p, i, anchors)),
  ];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>绩效目标审核报告：${escapeHtml(doc.source.path)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body.filter((part) => part !== "").join("\n")}
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function headerHtml(doc: JixiaoDocument, counts: ReportCounts): string {
  const department = doc.department
    ? `${escapeHtml(doc.department.name)}${doc.department.code ? `（${escapeHtml(doc.department.code)}）` : ""}`
    : "—";
  const count = (key: string, n: number): string => `<span data-count="${key}">${n}</span>`;
  const severities = SEVERITIES.map((s) => `${SEVERITY_LABELS[s]} ${count(s, counts.findings[s])}`).join(" · ");
  const filters = SEVERITIES.map(
    (s) => `<label><input type="checkbox" data-filter="${s}" checked> ${SEVERITY_LABELS[s]}</label>`,
  ).join("");
  return `<header>
<h1>绩效目标审核报告</h1>
<p class="meta">文件：<code>${escapeHtml(doc.source.path)}</code> · 单位：${department}${doc.moneyUnit ? ` · 金额单位：${escapeHtml(doc.moneyUnit)}` : ""}</p>
${doc.error ? `<p class="document-error" data-error-code="${escapeHtml(doc.error.code)}">未能处理此文件：${escapeHtml(doc.error.message)}</p>\n` : ""}<p class="counts">项目 ${count("projects", counts.projects)} 个（第一部分 ${count("narrative-projects", counts.narrativeProjects)} 个）· 指标 ${count("indicators", counts.indicators)} 条（第一部分 ${count("narrative-indicators", counts.narrativeIndicators)} 条）· ${severities}</p>
<fieldset class="filter" id="severity-filter"><legend>按严重程度显示</legend>${filters}</fieldset>
</header>`;
}

function warningsHtml(warnings: readonly Warning[], anchors: Anchors): string {
  if (warnings.length === 0) return "";
  const items = warnings.map((w) => {
    const place = w.at ? `（${locationHtml(w.at, anchors)}）` : "";
    return `<li data-code="${escapeHtml(w.code)}">${SEVERITY_LABELS[w.severity]} · <code>${escapeHtml(w.code)}</code>：${escapeHtml(w.message)}${place}</li>`;
  });
  return `<details class="warnings" id="warnings"><summary>读取提示（${warnings.length} 条）</summary>
<ul>${items.join("\n")}</ul>
</details>`;
}

function tocHtml(view: ReportView): string {
  const items = view.projects.map(
    (p, i) => `<li><a href="#project-${i}">${escapeHtml(projectName(p))}</a>（${p.findings.length} 条问题）</li>`,
  );
  const documentItem =
    view.documentFindings.length === 0
      ? []
      : [`<li><a href="#document-findings">文档层面</a>（${view.documentFindings.length} 条问题）</li>`];
  return `<nav><ol>${[...documentItem, ...items].join("")}</ol></nav>`;
}

function documentSectionHtml(findings: readonly IndexedFinding[], anchors: Anchors): string {
  if (findings.length === 0) return "";
  return `<section class="document" id="document-findings">
<h2>文档层面的问题</h2>
${findings.map((f) => findingHtml(f, anchors)).join("\n")}
</section>`;
}

function projectHtml(view: ProjectView, index: number, anchors: Anchors): string {
  const name = projectName(view);
  const { consistency, quality } = byCategory(view.findings);
  const findings =
    consistency.length === 0 && quality.length === 0
      ? `<p class="none">未发现问题。</p>`
      : consistency.map((f) => findingHtml(f, anchors)).join("\n");
  // Quality findings (a target badly set on its own) in a section of their own under the project.
  const qualitySection =
    quality.length === 0
      ? ""
      : `<section class="quality" data-category="quality"><h3>目标质量问题（${quality.length} 条）</h3>\n${quality.map((f) => findingHtml(f, anchors)).join("\n")}\n</section>`;
  const parts = [
    `<section class="project" id="project-${index}" data-project-code="${escapeHtml(view.table?.code ?? "")}" data-project-name="${escapeHtml(name)}">`,
    `<h2>${escapeHtml(name)}</h2>`,
    factsHtml(view),
    `<h3>问题（${view.findings.length} 条）</h3>`,
    findings,
    qualitySection,
    view.narrative ? narrativeHtml(view.narrative, anchors) : "",
    view.table ? indicatorTableHtml(view.table, anchors) : "",
    "</section>",
  ];
  return parts.filter((part) => part !== "").join("\n");
}

function factsHtml(view: ProjectView): string {
  const budget = view.table ? formatYuan(view.table.budget.total) : "第二部分没有对应的项目表";
  const amount = view.narrative ? formatYuan(view.narrative.amount) : "第一部分没有对应的项目说明";
  return `<dl class="facts"><dt>项目编码</dt><dd><code>${escapeHtml(view.table?.code ?? "—")}</code></dd><dt>预算（第二部分）</dt><dd>${escapeHtml(budget)}</dd><dt>金额（第一部分）</dt><dd>${escapeHtml(amount)}</dd></dl>`;
}

function findingHtml({ index, finding }: IndexedFinding, anchors: Anchors): string {
  const { rule, severity } = finding;
  return `<article class="finding" data-rule="${escapeHtml(rule)}" data-severity="${severity}" id="f-${index}">
<h4><span class="sev sev-${severity}">${SEVERITY_LABELS[severity]}</span> <code>${escapeHtml(rule)}</code></h4>
<p class="message">${escapeHtml(finding.message)}</p>
${finding.at ? `<p class="where">位置：${locationHtml(finding.at, anchors)}</p>\n` : ""}${comparisonHtml(finding, anchors)}
</article>`;
}

function comparisonHtml(finding: Finding, anchors: Anchors): string {
  const { narrative, table } = finding;
  if (narrative === null && table === null) return "";
  const rows = [
    ...comparedFields(finding).map(fieldRowHtml),
    rowHtml("位置", evidenceLocationHtml(narrative, anchors), evidenceLocationHtml(table, anchors)),
    rowHtml("原文", textHtml(narrative?.text ?? null), textHtml(table?.text ?? null)),
  ];
  return `<table class="compare"><thead><tr><th></th><th>第一部分（文字）</th><th>第二部分（表格）</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

function fieldRowHtml(field: ComparedField): string {
  if (field.narrative === null || field.table === null) {
    return rowHtml(field.label, textHtml(field.narrative), textHtml(field.table));
  }
  const [a, b] = markedDiff(field.narrative, field.table);
  return rowHtml(field.label, a, b);
}

/** Both strings as HTML, each with the runs the other lacks wrapped in `<mark>`. */
function markedDiff(a: string, b: string): [string, string] {
  const segments = diffChars(a, b);
  const side = (pick: (s: { a: string; b: string }) => string): string =>
    segments
      .map((s) => (s.common || pick(s) === "" ? escapeHtml(pick(s)) : `<mark>${escapeHtml(pick(s))}</mark>`))
      .join("");
  return [side((s) => s.a), side((s) => s.b)];
}

function rowHtml(label: string, narrative: string, table: string): string {
  return `<tr><th>${label}</th><td>${narrative}</td><td>${table}</td></tr>`;
}

function textHtml(text: string | null): string {
  return text === null ? `<span class="absent">—</span>` : escapeHtml(text);
}

function evidenceLocationHtml(evidence: IndicatorEvidence | null, anchors: Anchors): string {
  return evidence?.at ? locationHtml(evidence.at, anchors) : textHtml(null);
}

/** A location label, linked to its row or sentence when the page contains it. */
function locationHtml(at: CellRef | ParagraphRef, anchors: Anchors): string {
  const id = anchorId(at);
  const label = escapeHtml(locationLabel(at));
  return anchors.present.has(id) ? `<a class="loc" href="#${id}">${label}</a>` : `<span class="loc">${label}</span>`;
}

function narrativeHtml(narrative: NarrativeProject, anchors: Anchors): string {
  const goal = narrative.goal ? `<p class="goal">绩效目标：${escapeHtml(narrative.goal)}</p>` : "";
  const items = narrative.indicators.map(
    (i) => `<li${targetAttrs(anchorId(i.at), anchors)}>${escapeHtml(i.sentence)}</li>`,
  );
  const list =
    items.length === 0 ? `<p class="none">没有读到指标句。</p>` : `<ul class="sentences">${items.join("\n")}</ul>`;
  const heading = `<h3${targetAttrs(anchorId(narrative.at), anchors)}>第一部分 文字说明（${locationLabel(narrative.at)}）</h3>`;
  return [heading, goal, list].filter((part) => part !== "").join("\n");
}

function indicatorTableHtml(project: Project, anchors: Anchors): string {
  const tableNo = project.tables.indicators === null ? "" : `（表 ${project.tables.indicators + 1}）`;
  const heading = `<h3>第二部分 绩效指标表${tableNo}</h3>`;
  if (project.indicators.length === 0) return `${heading}\n<p class="none">没有读到指标行。</p>`;
  const rows = project.indicators.map((ind) => {
    const cells = [
      ind.level1,
      ind.level2,
      ind.level3,
      ind.description,
      ind.value.raw,
      ind.basis,
      locationLabel(ind.at),
    ];
    return `<tr${targetAttrs(anchorId(ind.at), anchors)}>${cells.map((c) => `<td>${textHtml(c)}</td>`).join("")}</tr>`;
  });
  return `${heading}
<table class="indicators"><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标内容</th><th>指标值</th><th>指标值确定依据</th><th>位置</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

/** ` id="…"` the first time an id is written, plus ` data-flag="<severity>"` when a finding points here. */
function targetAttrs(id: string, anchors: Anchors): string {
  const flag = anchors.flags.get(id);
  const flagAttr = flag ? ` data-flag="${flag}"` : "";
  if (anchors.written.has(id)) return flagAttr;
  anchors.written.add(id);
  return ` id="${id}"${flagAttr}`;
}

function collectAnchors(doc: JixiaoDocument, view: ReportView): Anchors {
  const present = new Set<string>();
  for (const p of view.projects) {
    for (const ind of p.table?.indicators ?? []) present.add(anchorId(ind.at));
    if (p.narrative) present.add(anchorId(p.narrative.at));
    for (const ind of p.narrative?.indicators ?? []) present.add(anchorId(ind.at));
  }
  const flags = new Map<string, Severity>();
  for (const f of doc.findings) {
    for (const at of [f.narrative?.at, f.table?.at]) {
      if (!at) continue;
      const id = anchorId(at);
      const current = flags.get(id);
      if (current === undefined || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(current))
        flags.set(id, f.severity);
    }
  }
  return { present, flags, written: new Set() };
}

function anchorId(at: CellRef | ParagraphRef): string {
  if ("table" in at) return `t${at.table}-r${at.row}`;
  return at.seq === null ? `n${at.paragraph}` : `n${at.paragraph}-${at.seq}`;
}
