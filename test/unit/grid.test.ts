import { describe, expect, it } from "vitest";
import { type Block, type Grid, type GridCell, parseDocumentHtml } from "../../src/grid/index.js";
import type { Warning } from "../../src/model/schema.js";

/** The grid of table `index`, failing loudly when it is missing. */
function gridOf(html: string, index = 0): Grid {
  const grid = parseDocumentHtml(html).value.grids[index];
  if (!grid) throw new Error(`no grid ${index}`);
  return grid;
}

function cellAt(grid: Grid, row: number, col: number): GridCell {
  const cell = grid.rows[row]?.[col];
  if (!cell) throw new Error(`no cell ${row},${col} in grid ${grid.index}`);
  return cell;
}

const texts = (grid: Grid): string[][] => grid.rows.map((row) => row.map((c) => c.text));
const origins = (grid: Grid): string[][] => grid.rows.map((row) => row.map((c) => `${c.origin.row},${c.origin.col}`));
const codes = (warnings: readonly Warning[]): string[] => warnings.map((w) => w.code);

describe("parseDocumentHtml: merged cells", () => {
  // A spans rows 0–1; B spans columns 1–2; E spans rows 1–2 and columns 2–3.
  const html = `<table>
    <tr><td rowspan="2">A</td><td colspan="2">B</td><td>C</td></tr>
    <tr><td>D</td><td rowspan="2" colspan="2">E</td></tr>
    <tr><td>F</td><td>G</td></tr>
  </table>`;
  const result = parseDocumentHtml(html);
  const grid = gridOf(html);

  it("is rectangular with no warnings", () => {
    expect(grid.width).toBe(4);
    expect(grid.rows.map((r) => r.length)).toEqual([4, 4, 4]);
    expect(result.warnings).toEqual([]);
    expect(grid.parent).toBeNull();
  });

  it("repeats the origin's text at every covered position", () => {
    expect(texts(grid)).toEqual([
      ["A", "B", "B", "C"],
      ["A", "D", "E", "E"],
      ["F", "G", "E", "E"],
    ]);
  });

  it("keeps the origin of every position", () => {
    expect(origins(grid)).toEqual([
      ["0,0", "0,1", "0,1", "0,3"],
      ["0,0", "1,1", "1,2", "1,2"],
      ["2,0", "2,1", "1,2", "1,2"],
    ]);
  });

  it.each([
    // row, col, rowspan, colspan
    [0, 0, 2, 1],
    [1, 0, 2, 1],
    [0, 2, 1, 2],
    [2, 3, 2, 2],
    [1, 1, 1, 1],
    [2, 0, 1, 1],
  ])("position %i,%i carries rowspan %i and colspan %i", (row, col, rowspan, colspan) => {
    const cell = cellAt(grid, row, col);
    expect({ rowspan: cell.rowspan, colspan: cell.colspan, padded: cell.padded }).toEqual({
      rowspan,
      colspan,
      padded: false,
    });
  });

  it("clips a rowspan that runs past the last row instead of adding rows", () => {
    const clipped = gridOf(`<table><tr><td rowspan="5">X</td><td>1</td></tr><tr><td>2</td></tr></table>`);
    expect(texts(clipped)).toEqual([
      ["X", "1"],
      ["X", "2"],
    ]);
    expect(cellAt(clipped, 1, 0).rowspan).toBe(2);
  });

  it.each([
    ["0", 1],
    ["abc", 1],
    ["-2", 1],
    ["3", 3],
  ])("reads colspan=%j as %i", (attr, expected) => {
    const g = gridOf(`<table><tr><td colspan="${attr}">X</td></tr></table>`);
    expect(g.width).toBe(expected);
    expect(cellAt(g, 0, 0).colspan).toBe(expected);
  });
});

describe("parseDocumentHtml: ragged rows", () => {
  it("pads a short row with flagged empty cells and warns with table/row/expected/actual", () => {
    const html = `<table><tr><td>x</td></tr></table>
      <table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>`;
    const { value, warnings } = parseDocumentHtml(html);
    const grid = value.grids[1]!;
    expect(grid.width).toBe(3);
    expect(texts(grid)).toEqual([
      ["a", "b", "c"],
      ["d", "", ""],
    ]);
    expect(grid.rows[1]!.map((c) => c.padded)).toEqual([false, true, true]);
    expect(cellAt(grid, 1, 2)).toEqual({
      text: "",
      lines: [],
      origin: { row: 1, col: 2 },
      rowspan: 1,
      colspan: 1,
      padded: true,
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: "ragged-row",
      severity: "warning",
      at: { table: 1, row: 1, col: 0 },
      params: { table: 1, row: 1, expected: 3, actual: 1 },
    });
    expect(warnings[0]!.message).toContain("表格 1 第 1 行");
  });

  it("widens the grid for a long row and flags the shorter rows", () => {
    const html = `<table>
      <tr><td>a</td><td>b</td></tr>
      <tr><td>c</td><td>d</td><td>e</td></tr>
      <tr><td colspan="2">f</td></tr>
    </table>`;
    const { value, warnings } = parseDocumentHtml(html);
    const grid = value.grids[0]!;
    expect(grid.width).toBe(3);
    expect(texts(grid)).toEqual([
      ["a", "b", ""],
      ["c", "d", "e"],
      ["f", "f", ""],
    ]);
    expect(grid.rows.map((r) => r.map((c) => c.padded))).toEqual([
      [false, false, true],
      [false, false, false],
      [false, false, true],
    ]);
    expect(warnings.map((w) => w.params)).toEqual([
      { table: 0, row: 0, expected: 3, actual: 2 },
      { table: 0, row: 2, expected: 3, actual: 2 },
    ]);
    expect(codes(warnings)).toEqual(["ragged-row", "ragged-row"]);
  });

  it("does not flag a row whose missing positions are covered by a rowspan from above", () => {
    const { warnings, value } = parseDocumentHtml(
      `<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>`,
    );
    expect(warnings).toEqual([]);
    expect(value.grids[0]!.rows[1]!.some((c) => c.padded)).toBe(false);
  });
});

describe("parseDocumentHtml: nested tables", () => {
  // The nested table sits in row 1, whose first column is covered by X's rowspan: it lies in column 1.
  const html = `<p>前言</p>
    <table>
      <tr><td rowspan="2">X</td><td>Y</td></tr>
      <tr><td>外层文字<table><tr><td>内A</td><td>内B</td></tr></table></td></tr>
    </table>
    <table><tr><td>第二层一<table><tr><td>再内</td></tr></table></td><td>后</td></tr></table>`;
  const { value, warnings } = parseDocumentHtml(html);

  it("numbers tables in document order, nested ones right after their parent's", () => {
    expect(value.grids.map((g) => g.index)).toEqual([0, 1, 2, 3]);
    expect(texts(value.grids[1]!)).toEqual([["内A", "内B"]]);
    expect(texts(value.grids[3]!)).toEqual([["再内"]]);
    expect(texts(value.grids[2]!)).toEqual([["第二层一", "后"]]);
  });

  it.each([
    [0, null],
    [1, { table: 0, row: 1, col: 1 }],
    [2, null],
    [3, { table: 2, row: 0, col: 0 }],
  ])("grid %i has parent %j", (index, parent) => {
    expect(value.grids[index]!.parent).toEqual(parent);
  });

  it("keeps the nested text out of the outer cell", () => {
    const outer = value.grids[0]!;
    expect(cellAt(outer, 1, 1).text).toBe("外层文字");
    expect(cellAt(outer, 1, 1).lines).toEqual(["外层文字"]);
    expect(texts(outer)).toEqual([
      ["X", "Y"],
      ["X", "外层文字"],
    ]);
  });

  it("lists only top-level tables as blocks", () => {
    expect(value.blocks).toEqual([
      { kind: "paragraph", index: 0, text: "前言", heading: null },
      { kind: "table", index: 1, table: 0 },
      { kind: "table", index: 2, table: 2 },
    ]);
  });

  it("warns once per nested table, at the cell it sits in", () => {
    expect(codes(warnings)).toEqual(["nested-table", "nested-table"]);
    expect(warnings[0]).toMatchObject({
      severity: "info",
      at: { table: 0, row: 1, col: 1 },
      params: { table: 1, parent: 0 },
    });
    expect(warnings[1]).toMatchObject({ at: { table: 2, row: 0, col: 0 }, params: { table: 3, parent: 2 } });
  });
});

describe("parseDocumentHtml: cell text", () => {
  it.each([
    ["paragraphs as lines", "<p>第一行</p><p>第二行</p>", ["第一行", "第二行"]],
    ["<strong> ignored", "<p><strong>项目</strong>编码</p>", ["项目编码"]],
    ["runs of spaces folded", "<p>其中：财政    资金</p>", ["其中：财政 资金"]],
    ["full-width spaces folded and trimmed", "<p>\u3000\u3000全角\u3000\u3000空格\u3000</p>", ["全角 空格"]],
    ["non-breaking spaces folded", "<p>a&nbsp;&nbsp;b</p>", ["a b"]],
    ["blank paragraphs dropped", "<p> </p><p>内容</p><p>\u3000</p>", ["内容"]],
    ["<br> splits lines", "<p>一<br>二</p>", ["一", "二"]],
    ["bare text without paragraphs", "  直接  文字 ", ["直接 文字"]],
    ["only blanks", "<p> </p>", []],
  ])("%s", (_name, inner, lines) => {
    const cell = cellAt(gridOf(`<table><tr><td>${inner}</td></tr></table>`), 0, 0);
    expect(cell.lines).toEqual(lines);
    expect(cell.text).toBe(lines.join("\n"));
  });

  it("reads <th> cells like <td>", () => {
    expect(texts(gridOf("<table><tr><th>头</th><td>体</td></tr></table>"))).toEqual([["头", "体"]]);
  });
});

describe("parseDocumentHtml: blocks", () => {
  it("lists paragraphs, headings and tables in document order", () => {
    const html = `<h1>第一部分</h1>
      <p>  总体\u3000\u3000目标  </p>
      <h3><a id="_Toc_1"></a>1.残疾人保障金绩效目标表</h3>
      <table><tr><td>单元格</td></tr></table>
      <div><p>包在 div 里</p></div>
      <ul><li>列表项</li></ul>
      <p><strong>加粗</strong>段落</p>
      <p> </p>
      <h6>六级</h6>`;
    const expected: Block[] = [
      { kind: "paragraph", index: 0, text: "第一部分", heading: 1 },
      { kind: "paragraph", index: 1, text: "总体 目标", heading: null },
      { kind: "paragraph", index: 2, text: "1.残疾人保障金绩效目标表", heading: 3 },
      { kind: "table", index: 3, table: 0 },
      { kind: "paragraph", index: 4, text: "包在 div 里", heading: null },
      { kind: "paragraph", index: 5, text: "列表项", heading: null },
      { kind: "paragraph", index: 6, text: "加粗段落", heading: null },
      { kind: "paragraph", index: 7, text: "", heading: null },
      { kind: "paragraph", index: 8, text: "六级", heading: 6 },
    ];
    expect(parseDocumentHtml(html).value.blocks).toEqual(expected);
  });

  it("returns nothing for an empty document", () => {
    expect(parseDocumentHtml("")).toEqual({ value: { blocks: [], grids: [] }, warnings: [] });
  });
});

describe("parseDocumentHtml: row groups", () => {
  it("reads rows through thead, tbody and tfoot in order", () => {
    const html = `<table>
      <thead><tr><th>一级指标</th><th>指标值</th></tr></thead>
      <tbody><tr><td>产出指标</td><td>≥5次</td></tr><tr><td>效益指标</td><td>≥80%</td></tr></tbody>
      <tfoot><tr><td>合计</td><td>2</td></tr></tfoot>
    </table>`;
    const { value, warnings } = parseDocumentHtml(html);
    expect(value.grids).toHaveLength(1);
    expect(texts(value.grids[0]!)).toEqual([
      ["一级指标", "指标值"],
      ["产出指标", "≥5次"],
      ["效益指标", "≥80%"],
      ["合计", "2"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("mixes bare rows with a tbody", () => {
    const html = `<table><tr><td>a</td></tr><tbody><tr><td>b</td></tr></tbody></table>`;
    expect(texts(gridOf(html))).toEqual([["a"], ["b"]]);
  });
});
