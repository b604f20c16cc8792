import type { Grid, GridCell } from "../grid/index.js";
import type { RawField } from "./types.js";

/** A merged cell counted once: the grid position of its origin, and the cell. */
export interface PlacedCell {
  readonly row: number;
  readonly col: number;
  readonly cell: GridCell;
}

/** The cells of a row, each merged cell once (at its leftmost column in this row). */
export function distinctCells(grid: Grid, row: number): PlacedCell[] {
  const cells = grid.rows[row] ?? [];
  const out: PlacedCell[] = [];
  cells.forEach((cell, col) => {
    const previous = cells[col - 1];
    if (!previous || previous.origin.row !== cell.origin.row || previous.origin.col !== cell.origin.col) {
      out.push({ row, col, cell });
    }
  });
  return out;
}

/** Two grid positions covered by one cell. */
export function sameOrigin(a: GridCell, b: GridCell): boolean {
  return a.origin.row === b.origin.row && a.origin.col === b.origin.col;
}

/** A field read from a placed cell; null for a blank cell. */
export function fieldOf(grid: Grid, placed: PlacedCell | undefined): RawField | null {
  if (!placed || placed.cell.text === "") return null;
  return {
    text: placed.cell.text,
    lines: placed.cell.lines,
    at: { table: grid.index, row: placed.row, col: placed.col },
  };
}

/** The field at a grid position; null when blank or outside the grid. */
export function fieldAt(grid: Grid, row: number, col: number): RawField | null {
  const cell = grid.rows[row]?.[col];
  return cell ? fieldOf(grid, { row, col, cell }) : null;
}
