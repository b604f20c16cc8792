import { escapeHtml } from "../render/escape.js";
import { SEVERITY_LABELS } from "../render/report.js";
import { formatYuan } from "./change.js";
import type { TrendChange, TrendDepartment, TrendsReport } from "./schema.js";

/** The chart's drawing area, in SVG user units. */
const CHART = { width: 560, height: 220, left: 70, right: 16, top: 24, bottom: 34 } as const;

/** The reason a document was left out, as a reader reads it. */
const UNPLACED_LABELS = {
  "no-department": "未识别出单位",
  "no-year": "未识别出预算年度",
} as const satisfies Record<TrendsReport["unplaced"][number]["reason"], string>;

/** Projects followed across years: each chain holds a project's index in every year it appears. */
interface Chain {
  readonly byYear: Map<number, number>;
}

function chains(department: TrendDepartment): Chain[] {
  const out: Chain[] = [];
  const chainOf = new Map<string, Chain>();
  for (const year of department.years) {
    year.projects.forEach((project, index) => {
      const previous = project.link ? chainOf.get(`${project.link.year}:${project.link.previous}`) : undefined;
      const chain = previous ?? { byYear: new Map<number, number>() };
      if (!previous) out.push(chain);
      chain.byYear.set(year.year, index);
      chainOf.set(`${year.year}:${index}`, chain);
    });
  }
  return out;
}

/** The bar chart of a department's budget per year, inline SVG (no script, no external assets). */
function budgetChart(department: TrendDepartment): string {
  const { width, height, left, right, top, bottom } = CHART;
  const max = Math.max(1, ...department.years.map((y) => y.budget));
  const plotHeight = height - top - bottom;
  const slot = (width - left - right) / department.years.length;
  const barWidth = Math.min(64, slot * 0.6);
  const bars = department.years.map((y, i) => {
    const h = (y.budget / max) * plotHeight;
    const x = left + slot * i + (slot - barWidth) / 2;
    const label = formatYuan(y.budget);
    return [
      `<g class="bar" data-year="${y.year}" data-budget="${y.budget}">`,
      `<title>${y.year}年 预算合计 ${escapeHtml(label)}</title>`,
      `<rect x="${x.toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}"></rect>`,
      `<text class="value" x="${(x + barWidth / 2).toFixed(1)}" y="${(top + plotHeight - h - 6).toFixed(1)}">${escapeHtml(label)}</text>`,
      `<text class="year" x="${(x + barWidth / 2).toFixed(1)}" y="${height - bottom + 20}">${y.year}</text>`,
      "</g>",
    ].join("");
  });
  const axis = `<line class="axis" x1="${left}" y1="${top + plotHeight}" x2="${width - right}" y2="${top + plotHeight}"></line>`;
  const scale = `<text class="scale" x="${left - 8}" y="${top + 4}">${escapeHtml(formatYuan(max))}</text><text class="scale" x="${left - 8}" y="${top + plotHeight}">0</text>`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="各年度预算合计（元）">${axis}${scale}${bars.join("")}</svg>`;
}

/** The CSS class a cell gets from the changes about it. */
const CELL_CLASSES: Partial<Record<TrendChange["rule"], string>> = {
  "trend-target-lowered": "lowered",
  "trend-target-raised": "raised",
  "trend-indicator-added": "added",
  "trend-budget-changed": "budget",
};

function changeKey(year: number, project: string | null, indicator: string | null): string {
  return JSON.stringify([year, project, indicator]);
}

function projectTable(department: TrendDepartment, chain: Chain, marks: ReadonlyMap<string, TrendChange[]>): string {
  const years = department.years;
  const present = years.filter((y) => chain.byYear.has(y.year));
  const latest = present.at(-1)!;
  const project = latest.projects[chain.byYear.get(latest.year)!]!;
  const names = [...new Set(present.map((y) => y.projects[chain.byYear.get(y.year)!]!.name ?? "（未命名项目）"))];
  // Indicators followed across the project's years, by their links.
  const rows: { label: string; cells: Map<number, { value: string; level3: string | null }> }[] = [];
  const rowOf = new Map<string, (typeof rows)[number]>();
  for (const y of present) {
    const p = y.projects[chain.byYear.get(y.year)!]!;
    const previousYear = p.link?.year ?? null;
    p.indicators.forEach((indicator, k) => {
      const linked =
        indicator.link && previousYear !== null ? rowOf.get(`${previousYear}:${indicator.link.previous}`) : undefined;
      const row = linked ?? { label: indicator.level3 ?? "", cells: new Map() };
      if (!linked) rows.push(row);
      row.label = indicator.level3 ?? row.label;
      row.cells.set(y.year, { value: indicator.value, level3: indicator.level3 });
      rowOf.set(`${y.year}:${k}`, row);
    });
  }
  const head = years.map((y) => `<th scope="col">${y.year}</th>`).join("");
  const cell = (year: number, text: string, key: string | null): string => {
    const changes = key === null ? [] : (marks.get(key) ?? []);
    const classes = changes.map((c) => CELL_CLASSES[c.rule]).filter((c): c is string => c !== undefined);
    const title = changes.map((c) => c.message).join("\n");
    const attrs = classes.length > 0 ? ` class="${classes.join(" ")}" title="${escapeHtml(title)}"` : "";
    return `<td data-year="${year}"${attrs}>${escapeHtml(text)}</td>`;
  };
  const budgetRow = years
    .map((y) => {
      const i = chain.byYear.get(y.year);
      if (i === undefined) return `<td data-year="${y.year}" class="absent">—</td>`;
      const p = y.projects[i]!;
      return cell(y.year, formatYuan(p.budget), changeKey(y.year, p.name, null));
    })
    .join("");
  const indicatorRows = rows.map((row) => {
    const cells = years.map((y) => {
      const c = row.cells.get(y.year);
      if (!c) return `<td data-year="${y.year}" class="absent">—</td>`;
      const p = y.projects[chain.byYear.get(y.year)!]!;
      return cell(y.year, c.value, changeKey(y.year, p.name, c.level3));
    });
    return `<tr><th scope="row">${escapeHtml(row.label)}</th>${cells.join("")}</tr>`;
  });
  const renamed =
    names.length > 1 ? `<p class="renamed">曾用名：${names.slice(0, -1).map(escapeHtml).join("、")}</p>` : "";
  return `<section class="project">
<h3>${escapeHtml(project.name ?? "（未命名项目）")}${project.code ? ` <small>${escapeHtml(project.code)}</small>` : ""}</h3>
${renamed}<table class="targets"><thead><tr><th scope="col">指标</th>${head}</tr></thead>
<tbody><tr class="budget-row"><th scope="row">预算数</th>${budgetRow}</tr>
${indicatorRows.join("\n")}</tbody></table>
</section>`;
}

function changeList(changes: readonly TrendChange[]): string {
  if (changes.length === 0) return `<p class="none">各年度之间没有发现变化。</p>`;
  const rows = changes.map(
    (c) =>
      `<tr class="severity-${c.severity}" data-rule="${c.rule}"><td>${c.years[0]}→${c.years[1]}</td><td>${SEVERITY_LABELS[c.severity]}</td><td>${escapeHtml(c.title)}<br><code>${c.rule}</code></td><td>${escapeHtml(c.message)}</td></tr>`,
  );
  return `<table class="changes"><thead><tr><th>年度</th><th>严重程度</th><th>规则</th><th>说明</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}

function departmentSection(department: TrendDepartment, changes: readonly TrendChange[], n: number): string {
  const marks = new Map<string, TrendChange[]>();
  for (const c of changes) {
    const key = changeKey(c.years[1], c.project.name, c.indicator);
    marks.set(key, [...(marks.get(key) ?? []), c]);
  }
  const files = department.years
    .map(
      (y) =>
        `${y.year}：${escapeHtml(y.document)}${y.duplicates.length > 0 ? `（另有 ${y.duplicates.length} 份同年文档未比较）` : ""}`,
    )
    .join("；");
  return `<section class="department" id="department-${n}" data-department="${escapeHtml(department.department.name)}">
<h2>${escapeHtml(department.department.name)}</h2>
<p class="files">${files}</p>
<h3>预算合计</h3>
${budgetChart(department)}
<h3>变化（${changes.length} 项）</h3>
${changeList(changes)}
<h3>各项目历年指标</h3>
${chains(department)
  .map((chain) => projectTable(department, chain, marks))
  .join("\n")}
</section>`;
}

/**
 * Renders trends.html: per department, its budget per year as an inline SVG bar chart, the changes found, and
 * each project's targets across the years with the changed cells highlighted. One standalone page: inline
 * CSS, no script, no external assets, no dates, so the same report always gives the same bytes.
 */
export function renderTrendsHtml(report: TrendsReport): string {
  const sections = report.departments.map((d, i) =>
    departmentSection(
      d,
      report.changes.filter((c) => c.department.name === d.department.name && c.department.code === d.department.code),
      i + 1,
    ),
  );
  const toc = report.departments
    .map((d, i) => `<li><a href="#department-${i + 1}">${escapeHtml(d.department.name)}</a></li>`)
    .join("");
  const unplaced =
    report.unplaced.length === 0
      ? ""
      : `<details class="unplaced"><summary>未参与比较的文档 ${report.unplaced.length} 份</summary><ul>${report.unplaced
          .map((u) => `<li>${escapeHtml(u.document)}：${UNPLACED_LABELS[u.reason]}</li>`)
          .join("")}</ul></details>`;
  const body =
    sections.length === 0
      ? `<p class="none">没有同一单位两个及以上年度的文档，无法进行历年对比。</p>`
      : `<nav><ul>${toc}</ul></nav>\n${sections.join("\n")}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>历年对比</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>历年对比</h1>
<p class="totals">单位 <span data-total="departments">${report.departments.length}</span> 个 · 变化 <span data-total="changes">${report.changes.length}</span> 项 · <a href="trends.json">trends.json</a></p>
${unplaced}
</header>
${body}
</body>
</html>
`;
}

const CSS = `
:root{color-scheme:light;--line:#d0d7de;--muted:#57606a}
body{font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1f2328;max-width:72rem}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}small{color:var(--muted);font-weight:normal}
.files,.renamed,.none{color:var(--muted)}
table{border-collapse:collapse;margin:.3rem 0 1rem}
th,td{border:1px solid var(--line);padding:.3rem .6rem;text-align:left;vertical-align:top}
thead th{background:#f6f8fa}
td.absent{color:#8c959f;text-align:center}
td.lowered{background:#ffebe9;font-weight:600}td.raised{background:#dafbe1}td.added{background:#ddf4ff}td.budget{background:#fff8c5}
tr.severity-error td:first-child{border-left:4px solid #b42318}tr.severity-warning td:first-child{border-left:4px solid #9a6700}
tr.severity-info td:first-child{border-left:4px solid #0969da}
svg.chart rect{fill:#0969da}svg.chart .axis{stroke:#57606a}
svg.chart text{font-size:12px;text-anchor:middle;fill:#1f2328}svg.chart text.scale{text-anchor:end;fill:#57606a}
`;
