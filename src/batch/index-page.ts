import type { Severity } from "../model/schema.js";
import { addTally } from "../model/severity.js";
import { escapeHtml } from "../render/escape.js";
import { SEVERITIES, SEVERITY_LABELS, UNCHECKED_LABEL } from "../render/report.js";
import { COMPLETENESS_LABELS, STATUS_LABELS, statusLabel } from "./rows.js";
import type { DocumentStatus, DocumentSummary } from "./types.js";

/** The batch-wide files, named once for the writer and for the page that links to them. */
export const BATCH_FILES = {
  xlsx: "batch.xlsx",
  indicatorsCsv: "indicators.csv",
  findingsCsv: "findings.csv",
  ndjson: "documents.ndjson",
  index: "index.html",
} as const;

/** The year-over-year files, written beside the batch files when the batch covers two or more years of a department. */
export const TREND_FILES = {
  json: "trends.json",
  html: "trends.html",
} as const;

/** What the page links to besides the batch files. */
export interface IndexPageOptions {
  /** The batch has a year-over-year comparison (trends.html). */
  readonly trends?: boolean;
}

/** The keys of the totals at the top of the page (`data-total="…"`). */
export type TotalKey = "documents" | "projects" | "indicators" | Severity | "failed" | "unchecked" | "incomplete";

/** The columns of `<table id="documents">` (`data-col="…"`), in order, with their header and sort kind. */
const COLUMNS = [
  { key: "file", label: "文件", type: "text" },
  { key: "department", label: "单位", type: "text" },
  { key: "projects", label: "项目", type: "number" },
  { key: "indicators", label: "指标", type: "number" },
  { key: "error", label: SEVERITY_LABELS.error, type: "number" },
  { key: "warning", label: SEVERITY_LABELS.warning, type: "number" },
  { key: "info", label: SEVERITY_LABELS.info, type: "number" },
  { key: "status", label: "状态", type: "text" },
  { key: "completeness", label: "读取", type: "text" },
] as const;

/** A row's status as the page filters it: a read document whose parts could not be compared is `unchecked`. */
type RowStatus = DocumentStatus | "unchecked";
const STATUSES = ["ok", "unchecked", "failed", "timeout"] as const satisfies readonly RowStatus[];
const ROW_STATUS_LABELS = { ...STATUS_LABELS, unchecked: UNCHECKED_LABEL } satisfies Record<RowStatus, string>;

function rowStatus(e: DocumentSummary): RowStatus {
  return e.status === "ok" && e.unchecked.length > 0 ? "unchecked" : e.status;
}

/**
 * Renders the batch's index page: totals, then one row per input linking to its HTML report (or showing why it
 * failed), sortable by any column and filterable by text and status. One standalone page: inline CSS and
 * script, no external assets, no dates, so the same entries always give the same bytes.
 */
export function renderIndexPage(entries: readonly DocumentSummary[], options: IndexPageOptions = {}): string {
  const totals = countTotals(entries);
  const total = (key: TotalKey): string => `<span data-total="${key}">${totals[key]}</span>`;
  const severities = SEVERITIES.map((s) => `${SEVERITY_LABELS[s]} ${total(s)} 条`).join(" · ");
  const header = COLUMNS.map(
    (c) => `<th data-col="${c.key}" data-type="${c.type}" aria-sort="none" tabindex="0">${c.label}</th>`,
  ).join("");
  const statusOptions = STATUSES.map((s) => `<option value="${s}">${ROW_STATUS_LABELS[s]}</option>`).join("");
  const downloads = [BATCH_FILES.xlsx, BATCH_FILES.indicatorsCsv, BATCH_FILES.findingsCsv, BATCH_FILES.ndjson]
    .map((f) => `<a href="${f}">${f}</a>`)
    .join(" · ");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>绩效目标批量处理结果</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>绩效目标批量处理结果</h1>
<p class="totals">文档 ${total("documents")} 份（未处理 ${total("failed")} 份，${UNCHECKED_LABEL} ${total("unchecked")} 份，需核对 ${total("incomplete")} 份）· 项目 ${total("projects")} 个 · 指标 ${total("indicators")} 条 · ${severities}</p>
<p class="downloads">汇总表：${downloads}</p>${options.trends ? `\n<p class="trends">历年对比：<a href="${TREND_FILES.html}">${TREND_FILES.html}</a> · <a href="${TREND_FILES.json}">${TREND_FILES.json}</a></p>` : ""}
</header>
<div class="controls">
<label>筛选 <input id="filter" type="search" placeholder="文件名、单位、错误信息" autocomplete="off"></label>
<label>状态 <select id="status-filter"><option value="">全部</option>${statusOptions}</select></label>
<span>显示 <output id="shown">${entries.length}</output> / ${entries.length}</span>
</div>
<table id="documents">
<thead><tr>${header}</tr></thead>
<tbody>
${entries.map(documentRowHtml).join("\n")}
</tbody>
</table>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function countTotals(entries: readonly DocumentSummary[]): Record<TotalKey, number> {
  const totals: Record<TotalKey, number> = {
    documents: entries.length,
    projects: 0,
    indicators: 0,
    error: 0,
    warning: 0,
    info: 0,
    failed: 0,
    unchecked: 0,
    incomplete: 0,
  };
  for (const e of entries) {
    if (e.status !== "ok") {
      totals.failed++;
      continue;
    }
    if (e.unchecked.length > 0) totals.unchecked++;
    if (e.completeness !== "complete") totals.incomplete++;
    totals.projects += e.projects;
    totals.indicators += e.indicators;
    addTally(totals, e.findings);
  }
  return totals;
}

function documentRowHtml(e: DocumentSummary): string {
  const ok = e.status === "ok";
  const number = (key: string, n: number): string => {
    if (!ok) return `<td class="n" data-col="${key}" data-value=""></td>`;
    const hot = n > 0 && (key === "error" || key === "warning" || key === "info") ? ` hot-${key}` : "";
    return `<td class="n${hot}" data-col="${key}" data-value="${n}">${n}</td>`;
  };
  const name = escapeHtml(e.source);
  const file =
    e.outputs === null
      ? `<span class="file">${name}</span>`
      : `<a href="${escapeHtml(href(e.outputs.html))}">${name}</a>`;
  const error =
    e.error === null
      ? ""
      : `<div class="error" data-error-code="${escapeHtml(e.error.code)}">${escapeHtml(e.error.message)}</div>`;
  const unchecked =
    e.status === "ok" && e.unchecked.length > 0
      ? `<div class="unchecked">${UNCHECKED_LABEL}：${escapeHtml(e.unchecked.join("；"))}</div>`
      : "";
  const status = statusLabel(e);
  const state = rowStatus(e);
  // A processed document read only in part stands out: its row is marked and its reasons are listed.
  const review = ok && e.completeness !== "complete";
  const read = COMPLETENESS_LABELS[e.completeness];
  const reasons = e.completenessReasons.map((r) => `<li>${escapeHtml(r)}</li>`).join("");
  return [
    `<tr data-source="${name}" data-status="${state}" data-completeness="${e.completeness}"${review ? ' class="review"' : ""}>`,
    `<td data-col="file" data-value="${name}">${file}${error}${unchecked}</td>`,
    `<td data-col="department" data-value="${escapeHtml(e.department ?? "")}">${escapeHtml(e.department ?? "")}</td>`,
    number("projects", e.projects),
    number("indicators", e.indicators),
    ...SEVERITIES.map((s) => number(s, e.findings[s])),
    `<td data-col="status" data-value="${status}"><span class="status status-${state}">${status}</span></td>`,
    `<td data-col="completeness" data-value="${read}"><span class="read read-${e.completeness}">${read}</span>${reasons === "" || !ok ? "" : `<ul class="reasons">${reasons}</ul>`}</td>`,
    `</tr>`,
  ].join("");
}

/** A relative output path as a URL: each segment percent-encoded, so `#`, `?`, spaces and 汉字 survive file://. */
function href(path: string): string {
  return path.split(/[\\/]/u).map(encodeURIComponent).join("/");
}

const CSS = `
:root{color-scheme:light;--line:#d0d7de;--muted:#57606a}
body{font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1f2328}
h1{font-size:1.5rem;margin:0 0 .5rem}
.totals{font-size:1.05rem}.downloads{color:var(--muted)}
.controls{display:flex;gap:1.5rem;align-items:center;margin:1rem 0;flex-wrap:wrap}
input[type=search]{min-width:18rem;padding:.25rem .5rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}
thead th{position:sticky;top:0;background:#f6f8fa;cursor:pointer;user-select:none;white-space:nowrap}
th[data-type=number],td.n{text-align:right}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
tbody tr:nth-child(even){background:#fafbfc}
tr[hidden]{display:none}
.error{color:#b42318;font-size:.9em;margin-top:.2rem}
.hot-error{color:#b42318;font-weight:600}.hot-warning{color:#9a6700;font-weight:600}.hot-info{color:#0969da}
.status{padding:0 .4rem;border-radius:.6rem;font-size:.9em}
.status-ok{background:#dafbe1}.status-unchecked{background:#eaeef2}
.unchecked{color:#57606a;font-size:.9em;margin-top:.2rem}.status-failed{background:#ffebe9}.status-timeout{background:#fff8c5}
.read{padding:0 .4rem;border-radius:.6rem;font-size:.9em}
.read-complete{background:#dafbe1}.read-partial{background:#fff8c5;font-weight:600}.read-unread{background:#ffebe9}
tbody tr.review{background:#fffbe6}tbody tr.review td:first-child{box-shadow:inset 4px 0 #d4a72c}
.reasons{margin:.2rem 0 0;padding-left:1.1rem;font-size:.85em;color:var(--muted)}
`;

const SCRIPT = `
(function () {
  var table = document.getElementById("documents");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var order = new Map(rows.map(function (row, i) { return [row, i]; }));
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var filter = document.getElementById("filter");
  var status = document.getElementById("status-filter");
  var shown = document.getElementById("shown");
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  var sorted = -1;
  var direction = 1;

  function key(row, index, numeric) {
    var cell = row.cells[index];
    var value = cell ? cell.getAttribute("data-value") : null;
    if (value === null) value = cell ? cell.textContent.trim() : "";
    if (value === "") return null;
    return numeric ? Number(value) : value;
  }

  function sortBy(index) {
    var th = headers[index];
    var numeric = th.getAttribute("data-type") === "number";
    direction = sorted === index ? -direction : 1;
    sorted = index;
    headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
    var next = rows.slice().sort(function (a, b) {
      var x = key(a, index, numeric);
      var y = key(b, index, numeric);
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else {
        var c = numeric ? x - y : collator.compare(x, y);
        if (c !== 0) return c * direction;
      }
      return order.get(a) - order.get(b);
    });
    next.forEach(function (row) { body.appendChild(row); });
  }

  function applyFilter() {
    var text = filter.value.trim().toLowerCase();
    var wanted = status.value;
    var count = 0;
    rows.forEach(function (row) {
      var visible = (wanted === "" || row.getAttribute("data-status") === wanted) &&
        (text === "" || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !visible;
      if (visible) count++;
    });
    shown.textContent = String(count);
  }

  headers.forEach(function (th, index) {
    th.addEventListener("click", function () { sortBy(index); });
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(index); }
    });
  });
  filter.addEventListener("input", applyFilter);
  status.addEventListener("change", applyFilter);
  applyFilter();
})();
`;
