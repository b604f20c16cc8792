import type { Warning } from "../model/schema.js";
import type { Result } from "../result.js";
import { foldSpaces } from "../text.js";
import type { Block, DocumentGrid, Grid, GridCell, SheetData } from "./types.js";

/** A run of sheet rows that reads as one table. */
interface Region {
  readonly first: number;
  readonly last: number;
}

/**
 * Turns worksheets into the grid the Word path produces, so extraction reads a 申报表 in Excel as it reads one
 * in Word. Per sheet, in order: the rows above the first row with two or more distinct cells (a title
 * `2024年项目支出绩效目标申报表`, a `单位：万元` line) become paragraphs, as they are above a Word table; then each
 * run of rows between fully empty rows becomes one table, unless each of its rows holds a single text (a caption or
 * a 填报人 line below the form), which are paragraphs again. Merged ranges are expanded like rowspan/colspan
 * (every position knows its origin), and each table remembers its sheet and first sheet row.
 */
export function gridFromSheets(sheets: readonly SheetData[]): Result<DocumentGrid> {
  const blocks: Block[] = [];
  const grids: Grid[] = [];
  const warnings: Warning[] = [];
  for (const sheet of sheets) {
    const origins = originMap(sheet);
    const distinct = (r: number) =>
      new Set(
        (sheet.rows[r] ?? []).flatMap((_, c) => {
          const o = origins(r, c);
          const text = foldSpaces(sheet.rows[o.row]?.[o.col] ?? "");
          return text ? [`${o.row},${o.col}`] : [];
        }),
      ).size;
    let r = 0;
    for (; r < sheet.rows.length && distinct(r) <= 1; r++) {
      const text = (sheet.rows[r] ?? []).map(foldSpaces).find(Boolean);
      if (text) blocks.push({ kind: "paragraph", index: blocks.length, text, heading: null });
    }
    for (const region of regions(sheet, r, distinct)) {
      if (isTextOnly(region, distinct)) {
        for (let row = region.first; row <= region.last; row++) {
          const text = (sheet.rows[row] ?? []).map(foldSpaces).find(Boolean);
          if (text) blocks.push({ kind: "paragraph", index: blocks.length, text, heading: null });
        }
        continue;
      }
      const grid = regionGrid(grids.length, sheet, region, origins);
      grids.push(grid);
      blocks.push({ kind: "table", index: blocks.length, table: grid.index });
    }
  }
  return { value: { blocks, grids }, warnings };
}

/** A region whose every row holds one text (a 绩效指标 caption, a 填报人 line) reads as paragraphs, not a table. */
function isTextOnly(region: Region, distinct: (r: number) => number): boolean {
  for (let r = region.first; r <= region.last; r++) if (distinct(r) > 1) return false;
  return true;
}

/** Maps each sheet position to the origin of the merged range covering it (itself when not merged). */
function originMap(sheet: SheetData): (row: number, col: number) => { row: number; col: number } {
  const covered = new Map<string, { row: number; col: number }>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) covered.set(`${r},${c}`, { row: m.top, col: m.left });
  }
  return (row, col) => covered.get(`${row},${col}`) ?? { row, col };
}

/** Runs of rows separated by rows with no text at all. */
function regions(sheet: SheetData, from: number, distinct: (r: number) => number): Region[] {
  const out: Region[] = [];
  let first: number | null = null;
  for (let r = from; r <= sheet.rows.length; r++) {
    const empty = r === sheet.rows.length || distinct(r) === 0;
    if (!empty && first === null) first = r;
    if (empty && first !== null) {
      out.push({ first, last: r - 1 });
      first = null;
    }
  }
  return out;
}

function regionGrid(
  index: number,
  sheet: SheetData,
  region: Region,
  origins: (row: number, col: number) => { row: number; col: number },
): Grid {
  const used = (r: number) => {
    const row = sheet.rows[r] ?? [];
    let last = -1;
    row.forEach((text, c) => {
      if (foldSpaces(text)) last = c;
    });
    return last + 1;
  };
  let width = 0;
  for (let r = region.first; r <= region.last; r++) width = Math.max(width, used(r));
  for (const m of sheet.merges)
    if (m.top >= region.first && m.top <= region.last && m.left < width) width = Math.max(width, m.right + 1);
  const spanOf = (o: { row: number; col: number }) => {
    const m = sheet.merges.find((x) => x.top === o.row && x.left === o.col);
    return m ? { rowspan: m.bottom - m.top + 1, colspan: m.right - m.left + 1 } : { rowspan: 1, colspan: 1 };
  };
  const rows: GridCell[][] = [];
  for (let r = region.first; r <= region.last; r++) {
    const cells: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      const o = origins(r, c);
      // A range that starts above the region (it cannot: an empty row ends a region) is read from its own row.
      const originRow = Math.max(o.row, region.first);
      const raw = sheet.rows[o.row]?.[o.col] ?? "";
      const lines = raw.split(/\r?\n/).map(foldSpaces).filter(Boolean);
      const span = spanOf(o);
      cells.push({
        text: lines.join("\n"),
        lines,
        origin: { row: originRow - region.first, col: o.col },
        rowspan: Math.min(span.rowspan, region.last - originRow + 1),
        colspan: Math.min(span.colspan, width - o.col),
        padded: false,
      });
    }
    rows.push(cells);
  }
  return { index, width, rows, parent: null, sheet: { name: sheet.name, row: region.first } };
}
