import type {
  CellRef,
  IndicatorEvidence,
  JixiaoDocument,
  NarrativeProject,
  ParagraphRef,
  Project,
  Severity,
  Warning,
} from "../model/schema.js";
import { type MarkedRun, markTextDifferences, markValueDifferences } from "./diff.js";
import { escapeHtml } from "./escape.js";
import { REPORT_CSS, REPORT_SCRIPT } from "./html-assets.js";
import {
  buildReportView,
  byCategory,
  COMPLETENESS_LABELS,
  type ComparedField,
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
  worstSeverity,
} from "./report.js";

/** The element ids the page contains, and the most serious finding pointing at each. */
interface Anchors {
  readonly present: ReadonlySet<string>;
  readonly flags: ReadonlyMap<string, Severity>;
  /** Ids already written, so a place read twice never yields a duplicate id. */
  readonly written: Set<string>;
}

/**
 * Renders the audit as one standalone HTML page (inline CSS and script, no external assets): the verdict (counts
 * by severity, whether Part 1 and Part 2 could be checked) and a severity filter, a one-line summary of every
 * error and warning linking to its details, then the projects worst first, each with its items (findings about
 * the same pair grouped into one) most serious first, the two sides compared and the differences in meaning
 * marked, followed by its Part 1 sentences and Part 2 indicator rows as link targets.
 */
export function renderHtml(doc: JixiaoDocument): string {
  const view = buildReportView(doc);
  const anchors = collectAnchors(doc, view);
  const body = [
    headerHtml(doc, view),
    summaryHtml(view),
    tocHtml(view),
    warningsHtml(doc.warnings, anchors),
    documentSectionHtml(view.documentItems, anchors),
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

function headerHtml(doc: JixiaoDocument, view: ReportView): string {
  const counts = view.counts;
  const department = doc.department
    ? `${escapeHtml(doc.department.name)}${doc.department.code ? `（${escapeHtml(doc.department.code)}）` : ""}`
    : "—";
  const count = (key: string, n: number): string => `<span data-count="${key}">${n}</span>`;
  const severities = SEVERITIES.map((s) => `${SEVERITY_LABELS[s]} ${count(s, counts.findings[s])} 条`).join(" · ");
  const filters = SEVERITIES.map(
    (s) => `<label><input type="checkbox" data-filter="${s}" checked> ${SEVERITY_LABELS[s]}</label>`,
  ).join("");
  const verdict = reportVerdict(doc, view);
  return `<header>
<h1>绩效目标审核报告</h1>
<p class="meta">文件：<code>${escapeHtml(doc.source.path)}</code> · 单位：${department}${doc.moneyUnit ? ` · 金额单位：${escapeHtml(doc.moneyUnit)}` : ""}</p>
${doc.error ? `<p class="document-error" data-error-code="${escapeHtml(doc.error.code)}">未能处理此文件：${escapeHtml(doc.error.message)}</p>\n` : ""}<div class="verdict" id="verdict" data-verdict="${verdict.kind}" data-checked="${view.check.checked}">
<p class="verdict-line"><strong>${escapeHtml(verdict.headline)}</strong>${verdict.detail ? `：${escapeHtml(verdict.detail)}` : ""}</p>
${completenessHtml(doc)}
<p class="counts">问题 ${severities}（合并为 ${SEVERITIES.map((s) => `${SEVERITY_LABELS[s]} <span data-items="${s}">${counts.items[s]}</span> 项`).join("、")}）· 项目 ${count("projects", counts.projects)} 个（第一部分 ${count("narrative-projects", counts.narrativeProjects)} 个）· 指标 ${count("indicators", counts.indicators)} 条（第一部分 ${count("narrative-indicators", counts.narrativeIndicators)} 条）</p>
</div>
<fieldset class="filter" id="severity-filter"><legend>按严重程度显示</legend>${filters}</fieldset>
</header>`;
}

/** How completely the document was read: one line, its reasons folded away when there are any. */
function completenessHtml(doc: JixiaoDocument): string {
  const { status, reasons } = doc.completeness;
  const label = COMPLETENESS_LABELS[status];
  if (reasons.length === 0) return `<p class="completeness" data-completeness="${status}">${label}</p>`;
  const items = reasons.map((r) => `<li data-code="${escapeHtml(r.code)}">${escapeHtml(r.message)}</li>`).join("");
  return `<details class="completeness" data-completeness="${status}"><summary>${label}（${reasons.length} 条原因）</summary><ul>${items}</ul></details>`;
}

function summaryHtml(view: ReportView): string {
  if (view.summary.length === 0) {
    const none = view.check.checked ? "没有错误和警告。" : `${UNCHECKED_LABEL}：${view.check.reasons.join("；")}。`;
    return `<section class="summary" id="summary"><h2>错误和警告</h2><p class="none">${escapeHtml(none)}</p></section>`;
  }
  const lines = view.summary.map(({ item, project }) => {
    const where = project ? projectName(project) : "文档";
    const message = item.findings[0]?.finding.message ?? "";
    return `<li data-severity="${item.severity}"><span class="sev sev-${item.severity}">${SEVERITY_LABELS[item.severity]}</span> <a href="#f-${item.group}">${escapeHtml(itemTitle(item))}</a> <span class="where">${escapeHtml(where)}</span> <span class="msg">${escapeHtml(message)}</span></li>`;
  });
  return `<section class="summary" id="summary"><h2>错误和警告（${view.summary.length} 项）</h2>
<ol class="summary-list">${lines.join("\n")}</ol></section>`;
}

function tocHtml(view: ReportView): string {
  const tally = (items: readonly ReportItem[]): string =>
    SEVERITIES.map((s) => [s, items.filter((i) => i.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `<span class="tally tally-${s}">${SEVERITY_LABELS[s]} ${n}</span>`)
      .join("");
  const items = view.projects.map((p, i) => {
    const status = p.check.checked ? "" : `<span class="tally tally-unchecked">${UNCHECKED_LABEL}</span>`;
    return `<li data-toc="project-${i}"><a href="#project-${i}">${escapeHtml(projectName(p))}</a>${tally(p.items)}${status}</li>`;
  });
  const documentItem =
    view.documentItems.length === 0
      ? []
      : [`<li data-toc="document-findings"><a href="#document-findings">文档层面</a>${tally(view.documentItems)}</li>`];
  return `<nav class="toc"><ol>${[...documentItem, ...items].join("")}</ol></nav>`;
}

function warningsHtml(warnings: readonly Warning[], anchors: Anchors): string {
  if (warnings.length === 0) return "";
  const items = warnings.map((w) => {
    const place = w.at ? `（${locationHtml(w.at, anchors)}）` : "";
    return `<li data-code="${escapeHtml(w.code)}">${SEVERITY_LABELS[w.severity]}：${escapeHtml(w.message)}${place}</li>`;
  });
  return `<details class="warnings" id="warnings"><summary>读取提示（${warnings.length} 条）</summary>
<ul>${items.join("\n")}</ul>
</details>`;
}

function documentSectionHtml(items: readonly ReportItem[], anchors: Anchors): string {
  if (items.length === 0) return "";
  return `<section class="document" id="document-findings">
<h2>文档层面的问题</h2>
${items.map((item) => itemHtml(item, anchors)).join("\n")}
</section>`;
}

function projectHtml(view: ProjectView, index: number, anchors: Anchors): string {
  const name = projectName(view);
  const { consistency, quality } = byCategory(view.items);
  // Quality items (a target badly set on its own) in a section of their own under the project.
  const qualitySection =
    quality.length === 0
      ? ""
      : `<section class="quality" data-category="quality"><h3>目标质量问题（${quality.length} 项）</h3>\n${quality.map((item) => itemHtml(item, anchors)).join("\n")}\n</section>`;
  const items =
    view.items.length === 0
      ? `<p class="none">${view.check.checked ? "未发现问题。" : "未核对，不能说明没有问题。"}</p>`
      : consistency.map((item) => itemHtml(item, anchors)).join("\n");
  const unchecked = view.check.checked
    ? ""
    : `<p class="unchecked"><strong>${UNCHECKED_LABEL}</strong>：${escapeHtml(view.check.reasons.join("；"))}。</p>`;
  const parts = [
    `<section class="project" id="project-${index}" data-project-code="${escapeHtml(view.table?.code ?? "")}" data-project-name="${escapeHtml(name)}" data-worst="${worstSeverity(view) ?? "none"}" data-checked="${view.check.checked}">`,
    `<h2>${escapeHtml(name)}</h2>`,
    factsHtml(view),
    unchecked,
    items,
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
  return `<p class="facts"><span>项目编码 <code>${escapeHtml(view.table?.code ?? "—")}</code></span><span>预算（第二部分）${escapeHtml(budget)}</span><span>金额（第一部分）${escapeHtml(amount)}</span><span>问题 ${view.items.length} 项</span></p>`;
}

function itemHtml(item: ReportItem, anchors: Anchors): string {
  const { severity } = item;
  const rules = [...new Set(item.findings.map((f) => f.finding.rule))];
  const aspects =
    item.findings.length === 1
      ? `<p class="message">${escapeHtml(item.findings[0]?.finding.message ?? "")}</p>`
      : `<ul class="aspects">${item.findings
          .map(({ index, finding }) => {
            const id = index === item.group ? "" : ` id="f-${index}"`;
            return `<li${id} data-severity="${finding.severity}" data-rule="${escapeHtml(finding.rule)}"><span class="sev sev-${finding.severity}">${SEVERITY_LABELS[finding.severity]}</span> <strong>${escapeHtml(ruleTitle(finding.rule))}</strong>：${escapeHtml(finding.message)}</li>`;
          })
          .join("")}</ul>`;
  return `<article class="finding" data-rule="${escapeHtml(rules.join(" "))}" data-severity="${severity}" data-findings="${item.findings.map((f) => f.index).join(" ")}" id="f-${item.group}">
<h4><span class="sev sev-${severity}">${SEVERITY_LABELS[severity]}</span> <span class="title">${escapeHtml(itemTitle(item))}</span> <code class="rule-id">${escapeHtml(rules.join(" · "))}</code></h4>
${aspects}
${whereHtml(item, anchors)}${comparisonHtml(item, anchors)}
</article>`;
}

/** Where a finding about a whole project or field points, when it has no indicator evidence to show. */
function whereHtml(item: ReportItem, anchors: Anchors): string {
  if (item.narrative !== null || item.table !== null) return "";
  const at = item.findings.find((f) => f.finding.at)?.finding.at;
  return at ? `<p class="where">位置：${locationHtml(at, anchors)}</p>\n` : "";
}

function comparisonHtml(sides: Pick<ReportItem, "narrative" | "table">, anchors: Anchors): string {
  const { narrative, table } = sides;
  if (narrative === null && table === null) return "";
  const rows = [
    ...comparedFields(sides).map((field) => fieldRowHtml(field, narrative, table)),
    rowHtml("位置", evidenceLocationHtml(narrative, anchors), evidenceLocationHtml(table, anchors)),
    rowHtml("原文", textHtml(narrative?.text ?? null), textHtml(table?.text ?? null)),
  ];
  return `<table class="compare"><thead><tr><th></th><th>第一部分（文字）</th><th>第二部分（表格）</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

function fieldRowHtml(
  field: ComparedField,
  narrative: IndicatorEvidence | null,
  table: IndicatorEvidence | null,
): string {
  if (field.narrative === null || field.table === null) {
    return rowHtml(field.label, textHtml(field.narrative), textHtml(field.table));
  }
  const values = field.label === "指标值" ? [narrative?.value ?? null, table?.value ?? null] : [null, null];
  const [a, b] =
    values[0] && values[1]
      ? markValueDifferences(values[0], values[1])
      : markTextDifferences(field.narrative, field.table);
  return rowHtml(field.label, runsHtml(a), runsHtml(b));
}

/** Runs as HTML, the marked ones wrapped in `<mark>`. */
function runsHtml(runs: readonly MarkedRun[]): string {
  return runs.map((r) => (r.marked ? `<mark>${escapeHtml(r.text)}</mark>` : escapeHtml(r.text))).join("");
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
