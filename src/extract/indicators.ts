import type { ColumnRole, IndicatorSet } from "../config/index.js";
import type { Grid } from "../grid/index.js";
import type { Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import { fieldAt, sameOrigin } from "./cells.js";
import { isBlockEnd, type LabelIndex, matchHeaderLabel, matchLabel, splitLabelValue } from "./labels.js";
import type { RawIndicatorRow } from "./types.js";

/** Which set a column belongs to: one of the two side by side, or both (一级指标 shared by 中期 and 年度). */
type ColumnSet = IndicatorSet | "shared";

/**
 * What each column of an indicator table holds: a modelled role (in a set), an extra column kept by its
 * header, or nothing (a block label such as 年度绩效指标 merged down from above the header row).
 */
export type ColumnMap = readonly ({ role: ColumnRole; set: ColumnSet } | { extra: string } | { ignored: true })[];

/** The set label (中期目标 / 年度目标) above each column of the header row, if the row above has any. */
function columnSets(grid: Grid, row: number, labels: LabelIndex): ColumnSet[] {
  const above = row > 0 ? grid.rows[row - 1] : undefined;
  return (grid.rows[row] ?? []).map((_, col) => {
    const cell = above?.[col];
    return (cell && matchLabel(cell.text, labels.indicatorSets, labels.moneyUnits)?.key) ?? "shared";
  });
}

/** The column map of a row when it is an indicator header row (一级指标 … 指标值确定依据), else null. */
export function indicatorColumns(grid: Grid, row: number, labels: LabelIndex): ColumnMap | null {
  const cells = grid.rows[row] ?? [];
  const sets = columnSets(grid, row, labels);
  const seen = new Set<string>();
  const roles = new Set<ColumnRole>();
  const map = cells.map((cell, col) => {
    const match = matchLabel(cell.text, labels.columns, labels.moneyUnits);
    const role = match?.key;
    const firstOfMerge = col === 0 || !sameOrigin(cells[col - 1]!, cell);
    // A period on the header itself (指标值（中期） | 指标值（年度）) places the column in that set.
    const set = sets[col] === "shared" && match?.period ? match.period : sets[col]!;
    if (role && firstOfMerge && !seen.has(`${set}:${role}`)) {
      seen.add(`${set}:${role}`);
      roles.add(role);
      return { role, set };
    }
    // A label merged down the side of the rows (年度绩效指标) is a block label, not a column header.
    if (!role && (cell.origin.row < row || cell.rowspan > 1)) return { ignored: true as const };
    return { extra: cell.text };
  });
  const complete =
    labels.headerRequires.every((r) => roles.has(r)) && labels.headerRequiresAnyOf.some((r) => roles.has(r));
  return complete ? map : null;
}

/** The first indicator header row of a grid, from `start` on. */
export function findIndicatorHeader(
  grid: Grid,
  labels: LabelIndex,
  start = 0,
): { row: number; columns: ColumnMap } | null {
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
 * A row of the form's closing block (signature, review, contact, date) or of another part of the form: its
 * first filled cell starts with an end word, or is the 填报单位 label (填报单位（盖章）：). A label merged down from
 * the header row or above (`年度绩效目标(90分)` over the whole block) is the block's own caption, not the start of
 * another part, so cells merged down from `headerRow` or above are passed over.
 */
function endsBlock(grid: Grid, row: number, headerRow: number, labels: LabelIndex): boolean {
  const first = (grid.rows[row] ?? []).find((c) => c.text !== "" && c.origin.row > headerRow);
  if (first === undefined) return false;
  const text = first.text;
  const label = matchHeaderLabel(text, labels) ?? splitLabelValue(text, labels);
  return isBlockEnd(text, labels) || label?.field === "submitter";
}

/** The indicators of one table, by set: the 年度 (or only) set, and the 中期 set where there is one. */
export interface IndicatorRows {
  readonly annual: RawIndicatorRow[];
  readonly midTerm: RawIndicatorRow[];
  /** The first row after the indicators. */
  readonly end: number;
  readonly warnings: Warning[];
}

/**
 * Reads the indicator rows under a header row until the grid ends or a row starts another block
 * (a repeated header, or a project label when several projects share one table). A table with 中期 and
 * 年度 sets side by side gives a row to each set that has content in it.
 */
export function readIndicatorRows(
  grid: Grid,
  header: { row: number; columns: ColumnMap },
  labels: LabelIndex,
  isProjectStart: (row: number) => boolean,
): IndicatorRows {
  const warnings: Warning[] = [];
  const headerCells = grid.rows[header.row]!;
  const extraHeaders = header.columns.flatMap((c, col) =>
    "extra" in c && c.extra !== "" && (col === 0 || !sameOrigin(headerCells[col - 1]!, headerCells[col]!))
      ? [{ col, name: c.extra }]
      : [],
  );
  for (const { col, name } of extraHeaders) {
    if (!matchLabel(name, labels.extraColumns, labels.moneyUnits)) {
      warnings.push(warning("unmapped-column", { table: grid.index, row: header.row, col }, { header: name }));
    }
  }
  const hasMidTerm = header.columns.some((c) => "role" in c && c.set === "midTerm");
  const colOf = (role: ColumnRole, set: IndicatorSet) => {
    const own = header.columns.findIndex((c) => "role" in c && c.role === role && c.set === set);
    return own >= 0 ? own : header.columns.findIndex((c) => "role" in c && c.role === role && c.set === "shared");
  };
  const ownColumns = {
    annual: header.columns.flatMap((c, col) => ("role" in c && c.set === "annual" ? [col] : [])),
    midTerm: header.columns.flatMap((c, col) => ("role" in c && c.set === "midTerm" ? [col] : [])),
  } satisfies Record<IndicatorSet, number[]>;
  const readSet = (row: number, set: IndicatorSet): RawIndicatorRow | null => {
    const field = (role: ColumnRole) => {
      const col = colOf(role, set);
      return col < 0 ? null : fieldAt(grid, row, col);
    };
    // In a two-set table a row may fill only one side.
    if (hasMidTerm && ownColumns[set].every((col) => (grid.rows[row]?.[col]?.text ?? "") === "")) return null;
    const extra: Record<string, string> = {};
    for (const { col, name } of extraHeaders) {
      const cell = grid.rows[row]?.[col];
      if (cell && cell.text !== "") extra[name] = cell.text;
    }
    return {
      level1: field("level1"),
      level2: field("level2"),
      level3: field("level3"),
      description: field("description"),
      value: field("value"),
      basis: field("basis"),
      unit: field("unit"),
      nature: field("nature"),
      direction: field("direction"),
      weight: field("weight"),
      extra,
      at: { table: grid.index, row, col: Math.max(colOf("value", set), 0) },
    };
  };
  const annual: RawIndicatorRow[] = [];
  const midTerm: RawIndicatorRow[] = [];
  let row = header.row + 1;
  for (; row < grid.rows.length; row++) {
    if (isBlankRow(grid, row)) continue;
    if (indicatorColumns(grid, row, labels) || isProjectStart(row) || endsBlock(grid, row, header.row, labels)) break;
    const year = readSet(row, "annual");
    if (year) annual.push(year);
    if (hasMidTerm) {
      const mid = readSet(row, "midTerm");
      if (mid) midTerm.push(mid);
    }
  }
  return { annual, midTerm, end: row, warnings };
}
