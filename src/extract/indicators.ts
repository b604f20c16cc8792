import type { ColumnRole } from "../config/index.js";
import type { Grid } from "../grid/index.js";
import type { Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import { fieldAt, sameOrigin } from "./cells.js";
import { labelKey, type LabelIndex } from "./labels.js";
import type { RawIndicatorRow } from "./types.js";

/** What each column of an indicator table holds: a modelled role, or an extra column kept by its header. */
export type ColumnMap = readonly ({ role: ColumnRole } | { extra: string })[];

/** The column map of a row when it is an indicator header row (一级指标 … 指标值确定依据), else null. */
export function indicatorColumns(grid: Grid, row: number, labels: LabelIndex): ColumnMap | null {
  const cells = grid.rows[row] ?? [];
  const roles = new Set<ColumnRole>();
  const map = cells.map((cell, col) => {
    const role = labels.columns.get(labelKey(cell.text));
    const firstOfMerge = col === 0 || !sameOrigin(cells[col - 1]!, cell);
    if (role && firstOfMerge && !roles.has(role)) {
      roles.add(role);
      return { role };
    }
    return { extra: cell.text };
  });
  const complete =
    labels.headerRequires.every((r) => roles.has(r)) && labels.headerRequiresAnyOf.some((r) => roles.has(r));
  return complete ? map : null;
}

/** The first indicator header row of a grid, from `start` on. */
export function findIndicatorHeader(grid: Grid, labels: LabelIndex, start = 0): { row: number; columns: ColumnMap } | null {
  for (let row = start; row < grid.rows.length; row++) {
    const columns = indicatorColumns(grid, row, labels);
    if (columns) return { row, columns };
  }
  return null;
}

function isBlankRow(grid: Grid, row: number): boolean {
  return (grid.rows[row] ?? []).every((c) => c.text === "");
}

/**
 * Reads the indicator rows under a header row until the grid ends or a row starts another block
 * (a repeated header, or a project label when several projects share one table).
 */
export function readIndicatorRows(
  grid: Grid,
  header: { row: number; columns: ColumnMap },
  labels: LabelIndex,
  isProjectStart: (row: number) => boolean,
): { rows: RawIndicatorRow[]; end: number; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const extraHeaders = header.columns.flatMap((c, col) =>
    "extra" in c && c.extra !== "" && (col === 0 || !sameOrigin(grid.rows[header.row]![col - 1]!, grid.rows[header.row]![col]!)) ? [{ col, name: c.extra }] : [],
  );
  for (const { col, name } of extraHeaders) {
    if (!labels.extraColumns.has(labelKey(name))) {
      warnings.push(warning("unmapped-column", { table: grid.index, row: header.row, col }, { header: name }));
    }
  }
  const colOf = (role: ColumnRole) => header.columns.findIndex((c) => "role" in c && c.role === role);
  const rows: RawIndicatorRow[] = [];
  let row = header.row + 1;
  for (; row < grid.rows.length; row++) {
    if (isBlankRow(grid, row)) continue;
    if (indicatorColumns(grid, row, labels) || isProjectStart(row)) break;
    const field = (role: ColumnRole) => {
      const col = colOf(role);
      return col < 0 ? null : fieldAt(grid, row, col);
    };
    const valueCol = colOf("value");
    const extra: Record<string, string> = {};
    for (const { col, name } of extraHeaders) {
      const cell = grid.rows[row]?.[col];
      if (cell && cell.text !== "") extra[name] = cell.text;
    }
    rows.push({
      level1: field("level1"),
      level2: field("level2"),
      level3: field("level3"),
      description: field("description"),
      value: field("value"),
      basis: field("basis"),
      unit: field("unit"),
      nature: field("nature"),
      extra,
      at: { table: grid.index, row, col: Math.max(valueCol, 0) },
    });
  }
  return { rows, end: row, warnings };
}
