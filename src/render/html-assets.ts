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
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
h4 { font-size: 0.95rem; margin: 0 0 0.25rem; }
code { font-family: ui-monospace, Consolas, monospace; font-size: 0.9em; }
.meta, .counts { margin: 0.25rem 0; }
.counts span[data-count] { font-weight: 600; }
.verdict { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 0.4rem 0.75rem;
  margin: 0.5rem 0; }
.verdict p { margin: 0.15rem 0; }
.verdict-line { font-size: 1.1rem; }
.verdict .completeness { margin: 0.15rem 0; color: #344054; }
.verdict details.completeness summary { cursor: pointer; }
.verdict details.completeness ul { margin: 0.2rem 0; padding-left: 1.2rem; font-size: 0.9em; }
.verdict [data-completeness="partial"] > summary, .verdict [data-completeness="unread"] > summary { color: var(--warning); font-weight: 600; }
.verdict[data-verdict="error"], .verdict[data-verdict="failed"] { border-left-color: var(--error); background: var(--error-bg); }
.verdict[data-verdict="warning"] { border-left-color: var(--warning); background: var(--warning-bg); }
.verdict[data-verdict="info"] { border-left-color: var(--info); background: var(--info-bg); }
.verdict[data-verdict="unchecked"] { border-left-color: var(--muted); background: #f2f4f7; }
.verdict[data-verdict="clean"] { border-left-color: #067647; background: #ecfdf3; }
.unchecked { border: 1px dashed var(--muted); background: #f2f4f7; padding: 0.25rem 0.6rem; border-radius: 4px; }
section.summary h2 { margin: 0.75rem 0 0.25rem; font-size: 1.1rem; }
header { display: grid; grid-template-columns: 1fr auto; column-gap: 1rem; align-items: end; }
header > * { grid-column: 1 / -1; }
header > .verdict { grid-column: 1; }
header > .filter { grid-column: 2; grid-row: auto; align-self: stretch; }
ol.summary-list { list-style: none; padding: 0; margin: 0.25rem 0; }
ol.summary-list li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; line-height: 1.45; font-size: 13px; }
ol.summary-list .sev { padding: 0 0.3rem; }
ol.summary-list .where { color: var(--muted); margin: 0 0.4rem; }
ol.summary-list .msg { color: #344054; }
nav.toc { margin: 0.5rem 0; }
nav.toc ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.1rem 1.25rem; }
nav.toc ol::before { content: "项目："; color: var(--muted); }
.tally { font-size: 0.85em; margin-left: 0.35rem; padding: 0 0.3rem; border-radius: 3px; }
.tally-error { color: var(--error); background: var(--error-bg); }
.tally-warning { color: var(--warning); background: var(--warning-bg); }
.tally-info { color: var(--info); background: var(--info-bg); }
.tally-unchecked { color: #344054; background: #eaecf0; }
p.facts { display: flex; flex-wrap: wrap; gap: 0 1.5rem; margin: 0.25rem 0 0.5rem; color: #344054; }
code.rule-id { color: var(--muted); font-weight: normal; font-size: 0.75em; margin-left: 0.4rem; }
ul.aspects { margin: 0.25rem 0; padding-left: 1.2rem; }
.filter { display: flex; align-items: center; gap: 1rem; margin: 0.5rem 0; border: 1px solid var(--line); border-radius: 6px; padding: 0.25rem 0.75rem; }
.filter label { cursor: pointer; }
ul.sentences { list-style: none; padding-left: 1rem; }
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

/**
 * Shows or hides report items (and their summary lines) by severity from the filter checkboxes; when a severity
 * is unticked, a project or document section with no item left to show is hidden whole. Plain ES5.
 */
export const REPORT_SCRIPT = `
(function () {
  var boxes = document.querySelectorAll("#severity-filter input[data-filter]");
  function each(selector, f) {
    var nodes = document.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) f(nodes[i]);
  }
  function apply() {
    var shown = {};
    var all = true;
    for (var i = 0; i < boxes.length; i++) {
      shown[boxes[i].getAttribute("data-filter")] = boxes[i].checked;
      if (!boxes[i].checked) all = false;
    }
    each("article.finding, ol.summary-list li", function (node) {
      node.hidden = !shown[node.getAttribute("data-severity")];
    });
    each("section.project, section.document", function (section) {
      section.hidden = !all && section.querySelector("article.finding:not([hidden])") === null;
      var toc = document.querySelector('nav.toc li[data-toc="' + section.id + '"]');
      if (toc) toc.hidden = section.hidden;
    });
  }
  for (var k = 0; k < boxes.length; k++) boxes[k].addEventListener("change", apply);
  apply();
})();
`;
