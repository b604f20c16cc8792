import { load } from "cheerio/slim";
import type { AnyNode, Element } from "domhandler";
import type { Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import type { Result } from "../result.js";
import { foldSpaces } from "../text.js";
import type { Block, DocumentGrid, Grid, GridCell } from "./types.js";

const BLOCK_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li"]);
const HEADING = /^h([1-6])$/;

/** A cell as written in the HTML, before expansion. */
interface SourceCell {
  readonly lines: string[];
  readonly rowspan: number;
  readonly colspan: number;
  readonly nested: Element[];
}

/**
 * Reads the HTML of a converted document into top-level blocks (paragraphs and tables, in order)
 * and expands every table, nested ones included, into a rectangular grid.
 */
export function parseDocumentHtml(html: string): Result<DocumentGrid> {
  const $ = load(html);
  const blocks: Block[] = [];
  const grids: Grid[] = [];
  const warnings: Warning[] = [];

  const addTable = (table: Element, parent: Grid["parent"]): number => {
    const index = grids.length;
    grids.push({ index, width: 0, rows: [], parent });
    const rows = readRows(table);
    const { grid, columns } = expandGrid(index, rows, parent, warnings);
    grids[index] = grid;
    rows.forEach((cells, r) => {
      cells.forEach((cell, i) => {
        for (const nested of cell.nested) {
          const col = columns[r]![i]!;
          const child = addTable(nested, { table: index, row: r, col });
          warnings.push(warning("nested-table", { table: index, row: r, col }, { table: child, parent: index }));
        }
      });
    });
    return index;
  };

  const walk = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (node.type !== "tag") continue;
      const el = node as Element;
      if (el.name === "table") {
        const table = addTable(el, null);
        blocks.push({ kind: "table", index: blocks.length, table });
      } else if (BLOCK_TAGS.has(el.name)) {
        const heading = HEADING.exec(el.name);
        blocks.push({
          kind: "paragraph",
          index: blocks.length,
          text: foldSpaces($(el).text()),
          heading: heading ? Number(heading[1]) : null,
        });
      } else {
        walk(el.children);
      }
    }
  };
  walk($.root().children().toArray());
  return { value: { blocks, grids }, warnings };
}

function childElements(el: Element, name: string): Element[] {
  return el.children.filter((c): c is Element => c.type === "tag" && (c as Element).name === name);
}

/** Rows of a table, looking through thead/tbody but not into nested tables. */
function readRows(table: Element): SourceCell[][] {
  const rowElements = table.children.flatMap((c) => {
    if (c.type !== "tag") return [];
    const el = c as Element;
    if (el.name === "tr") return [el];
    if (el.name === "thead" || el.name === "tbody" || el.name === "tfoot") return childElements(el, "tr");
    return [];
  });
  return rowElements.map((tr) =>
    tr.children
      .filter((c): c is Element => c.type === "tag" && ((c as Element).name === "td" || (c as Element).name === "th"))
      .map(readCell),
  );
}

/** Word allows 63 columns; a cell claiming millions (a hostile file) would otherwise take the machine's memory. */
const MAX_SPAN = 1000;

function span(el: Element, attr: string): number {
  const n = Number.parseInt(el.attribs[attr] ?? "1", 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_SPAN) : 1;
}

function readCell(td: Element): SourceCell {
  const lines: string[] = [];
  const nested: Element[] = [];
  let inline = "";
  const flush = () => {
    const text = foldSpaces(inline);
    if (text) lines.push(text);
    inline = "";
  };
  const visit = (nodes: readonly AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === "text") {
        inline += (node as unknown as { data: string }).data;
      } else if (node.type === "tag") {
        const el = node as Element;
        if (el.name === "table") {
          flush();
          nested.push(el);
        } else if (BLOCK_TAGS.has(el.name)) {
          flush();
          visit(el.children);
          flush();
        } else if (el.name === "br") {
          flush();
        } else {
          visit(el.children);
        }
      }
    }
  };
  visit(td.children);
  flush();
  return { lines, rowspan: span(td, "rowspan"), colspan: span(td, "colspan"), nested };
}

/**
 * Places the cells on a grid the way a browser does: each cell takes the next column not
 * already covered by a rowspan from above. Rows that end short are padded and flagged; rows
 * that run long widen the grid, and every shorter row is then flagged.
 */
function expandGrid(
  index: number,
  rows: SourceCell[][],
  parent: Grid["parent"],
  warnings: Warning[],
): { grid: Grid; columns: number[][] } {
  const placed: (GridCell | undefined)[][] = rows.map(() => []);
  const columns: number[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (placed[r]![c]) c++;
      columns[r]!.push(c);
      const origin = { row: r, col: c };
      const text = cell.lines.join("\n");
      const rowspan = Math.min(cell.rowspan, rows.length - r);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          placed[r + dr]![c + dc] ??= {
            text,
            lines: cell.lines,
            origin,
            rowspan,
            colspan: cell.colspan,
            padded: false,
          };
        }
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...placed.map((row) => row.length));
  const grid = placed.map((row, r) => {
    const filled = Array.from({ length: width }, (_, c) => row[c]);
    const actual = filled.filter(Boolean).length;
    if (actual !== width) {
      warnings.push(
        warning("ragged-row", { table: index, row: r, col: 0 }, { table: index, row: r, expected: width, actual }),
      );
    }
    return filled.map(
      (cell, c): GridCell =>
        cell ?? { text: "", lines: [], origin: { row: r, col: c }, rowspan: 1, colspan: 1, padded: true },
    );
  });
  return { grid: { index, width, rows: grid, parent }, columns };
}
