/** The HTML report's stylesheet, inlined so the page works from file:// with no other files. */
export const REPORT_CSS = `
.document-error{border:1px solid #cf222e;background:#ffebe9;color:#82071e;padding:.5rem .75rem;border-radius:6px}
:root { --error: #b42318; --error-bg: #fef3f2; --warning: #b54708; --warning-bg: #fffaeb;
  --info: #175cd3; --info-bg: #eff8ff; --line: #d0d5dd; --muted: #667085; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; color: #101828; line-height: 1.55;
  font: 14px/1.55 "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
  "WenQuanYi Micro Hei", system-ui, sans-serif; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
h4 { font-size: 0.95rem; margin: 0 0 0.25rem; }
code { font-family: ui-monospace, Consolas, monospace; font-size: 0.9em; }
.meta, .counts { margin: 0.25rem 0; }
.counts span[data-count] { font-weight: 600; }
.filter { display: inline-flex; gap: 1rem; border: 1px solid var(--line); border-radius: 6px; padding: 0.25rem 0.75rem; }
.filter label { cursor: pointer; }
nav ol { margin: 0.5rem 0; }
ul.sentences { list-style: none; padding-left: 1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0.5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { border: 1px solid var(--line); padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
thead th { background: #f2f4f7; }
table.compare th:first-child { width: 1%; white-space: nowrap; color: var(--muted); font-weight: normal; }
table.compare td { width: 47%; }
.absent { color: var(--muted); }
mark { background: #fde272; padding: 0 1px; border-radius: 2px; }
.finding { border-left: 4px solid var(--line); padding: 0.5rem 0.75rem; margin: 0.75rem 0; background: #fcfcfd; }
.sev { display: inline-block; padding: 0 0.4rem; border-radius: 4px; font-size: 0.85em; color: #fff; }
.finding[data-severity="error"] { border-left-color: var(--error); background: var(--error-bg); }
.finding[data-severity="warning"] { border-left-color: var(--warning); background: var(--warning-bg); }
.finding[data-severity="info"] { border-left-color: var(--info); background: var(--info-bg); }
.sev-error { background: var(--error); }
.sev-warning { background: var(--warning); }
.sev-info { background: var(--info); }
.message { margin: 0.25rem 0; }
tr[data-flag="error"], li[data-flag="error"] { background: var(--error-bg); }
tr[data-flag="warning"], li[data-flag="warning"] { background: var(--warning-bg); }
tr[data-flag="info"], li[data-flag="info"] { background: var(--info-bg); }
:target { outline: 3px solid #fdb022; outline-offset: 1px; }
.none { color: var(--muted); }
details.warnings { margin: 1rem 0; }
details.warnings summary { cursor: pointer; }
@media print { .filter { display: none; } }
`;

/** Shows or hides findings by severity from the filter checkboxes; plain ES5 so any browser runs it. */
export const REPORT_SCRIPT = `
(function () {
  var boxes = document.querySelectorAll("#severity-filter input[data-filter]");
  function apply() {
    var shown = {};
    for (var i = 0; i < boxes.length; i++) shown[boxes[i].getAttribute("data-filter")] = boxes[i].checked;
    var findings = document.querySelectorAll("article.finding");
    for (var j = 0; j < findings.length; j++) {
      findings[j].hidden = !shown[findings[j].getAttribute("data-severity")];
    }
  }
  for (var k = 0; k < boxes.length; k++) boxes[k].addEventListener("change", apply);
  apply();
})();
`;
