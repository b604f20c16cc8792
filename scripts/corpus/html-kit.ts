/**
 * A small vocabulary for the corpus fixtures written by LibreOffice from HTML: a page in the fonts of
 * published Chinese budget documents, paragraphs, and tables whose merges are explicit (`rowspan` /
 * `colspan`). `mergeRows` turns plain rows into cells with rowspans where a column repeats, the way
 * `mergeDown` in ../variants/docx-kit.ts does for the docx library.
 */

/** A table cell: text (lines split on "\n" become paragraphs) and its spans. */
export interface HtmlCell {
  readonly text: string;
  readonly rowspan?: number;
  readonly colspan?: number;
  readonly align?: "left" | "center" | "right";
}
/** A cell, or null for a position covered by a rowspan above it. */
export type HtmlCellOrCovered = string | HtmlCell | null;

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A cell spanning `colspan` columns. */
export const cs = (text: string, colspan: number): HtmlCell => ({ text, colspan });
/** A cell spanning `rowspan` rows (the rows below give `null` at its position). */
export const rs = (text: string, rowspan: number, colspan = 1): HtmlCell => ({ text, rowspan, colspan });

function cellHtml(cell: string | HtmlCell): string {
  const spec = typeof cell === "string" ? { text: cell } : cell;
  const attrs = [
    spec.rowspan && spec.rowspan > 1 ? ` rowspan="${spec.rowspan}"` : "",
    spec.colspan && spec.colspan > 1 ? ` colspan="${spec.colspan}"` : "",
    spec.align ? ` style="text-align:${spec.align}"` : "",
  ].join("");
  const lines = spec.text.split("\n");
  const body = lines.length > 1 ? lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("") : escapeHtml(spec.text);
  return `<td${attrs}>${body}</td>`;
}

/** A bordered table; `null` cells are positions covered by a rowspan and are left out. */
export function htmlTable(
  rows: readonly (readonly HtmlCellOrCovered[])[],
  options: { borderless?: boolean } = {},
): string {
  const cls = options.borderless ? ' class="plain"' : "";
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .filter((c): c is string | HtmlCell => c !== null)
          .map(cellHtml)
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table${cls}>\n${body}\n</table>`;
}

/**
 * Plain rows to cells with rowspans in the given columns: a run of equal, non-empty texts in a column
 * merges when every merged column to its left merges over the same rows (so 二级 merges inside one 一级).
 */
export function mergeRows(rows: readonly (readonly string[])[], columns: readonly number[]): HtmlCellOrCovered[][] {
  const same = (c: number, r: number): boolean =>
    r > 0 &&
    rows[r]![c] !== "" &&
    rows[r]![c] === rows[r - 1]![c] &&
    columns.filter((k) => k < c).every((k) => same(k, r));
  return rows.map((row, r) =>
    row.map((text, c): HtmlCellOrCovered => {
      if (!columns.includes(c)) return text;
      if (same(c, r)) return null;
      let span = 1;
      while (r + span < rows.length && same(c, r + span)) span += 1;
      return span > 1 ? rs(text, span) : text;
    }),
  );
}

/** A body paragraph (first line indented two characters). */
export const para = (text: string): string => `<p>${escapeHtml(text)}</p>`;
/** A centred heading (第一部分, form titles). */
export const heading = (text: string): string => `<h1>${escapeHtml(text)}</h1>`;
/** A second-level heading (一、总体绩效目标). */
export const subheading = (text: string): string => `<h2>${escapeHtml(text)}</h2>`;
/** A right-aligned small line (单位：元). */
export const rightLine = (text: string): string => `<p class="right">${escapeHtml(text)}</p>`;

/** A whole HTML page for LibreOffice Writer's HTML filter. */
export function page(title: string, body: readonly string[]): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: "仿宋_GB2312", "FangSong", serif; font-size: 16pt; }
  h1 { font-family: "黑体", "SimHei", sans-serif; font-size: 18pt; text-align: center; }
  h2 { font-family: "楷体_GB2312", "KaiTi", serif; font-size: 16pt; }
  p { text-indent: 2em; margin: 0; }
  p.right { text-align: right; text-indent: 0; }
  table { border-collapse: collapse; width: 100%; font-family: "宋体", "SimSun", serif; font-size: 10.5pt; }
  td { border: 1px solid #000; padding: 2pt; }
  table.plain td { border: none; }
  td p { text-indent: 0; }
</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}
