import type { ColumnRole, IndicatorSet } from "../config/index.js";
import type { Grid } from "../grid/index.js";
import type { Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import { distinctCells, fieldAt, sameOrigin } from "./cells.js";
import {
  bracketQualifier,
  captionSet,
  isBlockEnd,
  type LabelIndex,
  matchColumn,
  matchHeaderLabel,
  matchLabel,
  periodLabel,
  splitLabelValue,
} from "./labels.js";
import type { RawIndicatorRow } from "./types.js";

/** Which set a column belongs to: one of the two side by side, or both (一级指标 shared by 中期 and 年度). */
type ColumnSet = IndicatorSet | "shared";

/**
 * What each column of an indicator table holds: a modelled role (in a set), an extra column kept by its
 * header, or nothing (a block label such as 年度绩效指标 merged down from above the header row).
 */
export type ColumnMap = readonly (
  | { role: ColumnRole; set: ColumnSet; qualifier?: string }
  | { extra: string }
  | { ignored: true }
)[];

/** The set label (中期目标 / 年度目标, 长期绩效指标) above each column of the header row, if the row above has any. */
function columnSets(grid: Grid, row: number, labels: LabelIndex): ColumnSet[] {
  const above = row > 0 ? grid.rows[row - 1] : undefined;
  return (grid.rows[row] ?? []).map((_, col) => {
    const cell = above?.[col];
    return (cell && captionSet(cell.text, labels)) ?? "shared";
  });
}

/**
 * The same columns read as one set: every role column placed in `set`, unless the columns already hold two
 * sets side by side (中期 | 年度), which a caption does not override.
 */
export function columnsInSet(columns: ColumnMap, set: IndicatorSet): ColumnMap {
  const sets = new Set(columns.flatMap((c) => ("role" in c && c.set !== "shared" ? [c.set] : [])));
  if (sets.size > 1) return columns;
  return columns.map((c) => ("role" in c ? { ...c, set } : c));
}

/**
 * The set a caption of the header row's own names: a label merged down the side of the header and its rows
 * (`长期绩效指标` | 一级指标 | …), else null.
 */
function sideCaption(grid: Grid, row: number, columns: ColumnMap, labels: LabelIndex): IndicatorSet | null {
  const cells = grid.rows[row] ?? [];
  for (const [col, c] of columns.entries()) {
    if (!("ignored" in c)) continue;
    const set = captionSet(cells[col]?.text ?? "", labels);
    if (set) return set;
  }
  return null;
}

/**
 * A row that only captions the block below it (`本年度绩效指标` across the table): the set it names, else null.
 * The row holds one filled cell, whose text is a set caption.
 */
function captionRow(grid: Grid, row: number, labels: LabelIndex): IndicatorSet | null {
  const filled = distinctCells(grid, row).filter((c) => c.cell.text !== "" && c.cell.origin.row === row);
  return filled.length === 1 ? captionSet(filled[0]!.cell.text, labels) : null;
}

/** The column map of a row when it is an indicator header row (一级指标 … 指标值确定依据), else null. */
export function indicatorColumns(grid: Grid, row: number, labels: LabelIndex): ColumnMap | null {
  const cells = grid.rows[row] ?? [];
  const sets = columnSets(grid, row, labels);
  const seen = new Set<string>();
  const roles = new Set<ColumnRole>();
  const map = cells.map((cell, col) => {
    const match = matchColumn(cell.text, labels);
    const role = match?.key;
    const firstOfMerge = col === 0 || !sameOrigin(cells[col - 1]!, cell);
    // A period on the header itself (指标值（中期） | 指标值（年度）) places the column in that set.
    const set = sets[col] === "shared" && match?.period ? match.period : sets[col]!;
    if (role && firstOfMerge && !seen.has(`${set}:${role}`)) {
      seen.add(`${set}:${role}`);
      roles.add(role);
      // What the header says in brackets besides a period (指标值（%）): a unit, for normalise to judge.
      const qualifier = bracketQualifier(cell.text);
      return qualifier === null ? { role, set } : { role, set, qualifier };
    }
    // A label merged down the side of the rows (年度绩效指标) is a block label, not a column header.
    if (!role && (cell.origin.row < row || cell.rowspan > 1)) return { ignored: true as const };
    return { extra: cell.text };
  });
  const complete =
    labels.headerRequires.every((r) => roles.has(r)) && labels.headerRequiresAnyOf.some((r) => roles.has(r));
  if (!complete) return null;
  // A caption merged down beside the header and its rows names the set of the whole block.
  const side = sideCaption(grid, row, map, labels);
  return side ? columnsInSet(map, side) : map;
}

/** An indicator header: its last row (the rows start below it), its columns, and its first row. */
export interface IndicatorHeader {
  readonly row: number;
  readonly columns: ColumnMap;
  readonly top?: number;
}

/**
 * A header written over two rows: a cell merged across columns (指标值) over period labels (中期 | 年度), the
 * other header cells merged down beside them. Each column under the merged cell gets its role in the period
 * its label names; null when the row below is not such a row.
 */
function subHeader(grid: Grid, row: number, columns: ColumnMap, labels: LabelIndex): IndicatorHeader | null {
  const above = grid.rows[row] ?? [];
  const below = grid.rows[row + 1];
  if (!below) return null;
  let split = false;
  const map = columns.map((c, col) => {
    const cell = below[col];
    if (!cell || cell.origin.row <= row) return c;
    const set = periodLabel(cell.text, labels);
    const role = above[col] && above[col]!.colspan > 1 ? matchColumn(above[col]!.text, labels)?.key : undefined;
    if (!set || !role) return null;
    split = true;
    return { role, set };
  });
  if (!split || map.some((c) => c === null)) return null;
  return { row: row + 1, columns: map as ColumnMap, top: row };
}

/** The indicator header starting at a row (one row, or two with period labels under a merged cell), else null. */
function headerAt(grid: Grid, row: number, labels: LabelIndex): IndicatorHeader | null {
  const columns = indicatorColumns(grid, row, labels);
  return columns ? (subHeader(grid, row, columns, labels) ?? { row, columns }) : null;
}

/** The first indicator header of a grid, from `start` on. */
export function findIndicatorHeader(grid: Grid, labels: LabelIndex, start = 0): IndicatorHeader | null {
  for (let row = start; row < grid.rows.length; row++) {
    const header = headerAt(grid, row, labels);
    if (header) return header;
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
  /** The columns the last rows were read with, for a table that continues this one without a header. */
  readonly columns: ColumnMap;
  /** The score a caption of the (first annual) block states: `年度绩效目标(90分)`; null when none does. */
  readonly score: number | null;
  readonly warnings: Warning[];
}

/** A score stated in a caption: `年度绩效目标(90分)`, `年度绩效指标（满分100分）`. */
function scoreIn(text: string): number | null {
  const m = /[(（][^()（）]*?(\d+(?:\.\d+)?)\s*分\s*[)）]/u.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * The score the captions of a header state: a set caption merged down its side, or above it (in the row above,
 * or in a row of its own before it).
 */
function headerScore(grid: Grid, row: number, columns: ColumnMap, labels: LabelIndex): number | null {
  const side = (grid.rows[row] ?? []).filter((_, col) => "ignored" in (columns[col] ?? {}));
  const above = row > 0 ? distinctCells(grid, row - 1).map((c) => c.cell) : [];
  for (const cell of [...side, ...above]) {
    if (captionSet(cell.text, labels) === null) continue;
    const score = scoreIn(cell.text);
    if (score !== null) return score;
  }
  return null;
}

/** What a header row says about reading the rows under it. */
interface Layout {
  readonly header: { row: number; columns: ColumnMap };
  readonly extraHeaders: readonly { col: number; name: string }[];
  readonly hasMidTerm: boolean;
  colOf(role: ColumnRole, set: IndicatorSet): number;
  readonly ownColumns: Readonly<Record<IndicatorSet, readonly number[]>>;
}

function layoutOf(grid: Grid, header: { row: number; columns: ColumnMap }): Layout {
  // A table continued from the one before has no header row of its own (row -1): its columns are the
  // previous table's, each extra column kept once by name.
  const headerCells = grid.rows[header.row];
  const firstOfMerge = (col: number) =>
    headerCells ? col === 0 || !sameOrigin(headerCells[col - 1]!, headerCells[col]!) : true;
  const extraHeaders = header.columns
    .flatMap((c, col) => ("extra" in c && c.extra !== "" && firstOfMerge(col) ? [{ col, name: c.extra }] : []))
    .filter((e, i, all) => all.findIndex((o) => o.name === e.name) === i);
  return {
    header,
    extraHeaders,
    hasMidTerm: header.columns.some((c) => "role" in c && c.set === "midTerm"),
    colOf: (role, set) => {
      const own = header.columns.findIndex((c) => "role" in c && c.role === role && c.set === set);
      return own >= 0 ? own : header.columns.findIndex((c) => "role" in c && c.role === role && c.set === "shared");
    },
    ownColumns: {
      annual: header.columns.flatMap((c, col) => ("role" in c && c.set === "annual" ? [col] : [])),
      midTerm: header.columns.flatMap((c, col) => ("role" in c && c.set === "midTerm" ? [col] : [])),
    },
  };
}

/**
 * A row of the blank template left unfilled: only the categories (产出指标 | 数量指标) are written, with no
 * indicator name, description, value or basis. It indicates nothing, so it is not an indicator. (A table without a
 * 三级指标 column names its indicators in another column, so there every row counts.)
 */
function isEmptyTemplateRow(row: RawIndicatorRow, layout: Layout): boolean {
  const hasNameColumn = layout.header.columns.some((c) => "role" in c && c.role === "level3");
  return hasNameColumn && !row.level3 && !row.description && !row.value && !row.basis;
}

function readSet(grid: Grid, layout: Layout, row: number, set: IndicatorSet): RawIndicatorRow | null {
  const { colOf, hasMidTerm, ownColumns, extraHeaders } = layout;
  const field = (role: ColumnRole) => {
    const col = colOf(role, set);
    return col < 0 ? null : fieldAt(grid, row, col);
  };
  // In a two-set table a row may fill only one side; a table read as the other set gives this one nothing.
  if (hasMidTerm && ownColumns[set].every((col) => (grid.rows[row]?.[col]?.text ?? "") === "")) return null;
  const extra: Record<string, string> = {};
  for (const { col, name } of extraHeaders) {
    const cell = grid.rows[row]?.[col];
    if (cell && cell.text !== "") extra[name] = cell.text;
  }
  const valueColumn = layout.header.columns[colOf("value", set)];
  return {
    level1: field("level1"),
    level2: field("level2"),
    level3: field("level3"),
    description: field("description"),
    value: field("value"),
    headerUnit: valueColumn && "role" in valueColumn ? (valueColumn.qualifier ?? null) : null,
    basis: field("basis"),
    unit: field("unit"),
    nature: field("nature"),
    direction: field("direction"),
    weight: field("weight"),
    extra,
    at: { table: grid.index, row, col: Math.max(colOf("value", set), 0) },
  };
}

/**
 * Reads the indicator rows under a header row until the grid ends or a row starts another block (a project
 * label when several projects share one table, the form's closing rows). A table with 中期 and 年度 sets side
 * by side gives a row to each set that has content in it. Blocks follow one another by content: a caption
 * (`长期绩效指标`, `本年度绩效指标`, above the header, merged down its side or on a row of its own) names the set
 * of the rows under it, and a repeated header row starts the next block of the same project. `set` is the set a
 * caption outside the table (a paragraph above it) names, for a header that has none of its own.
 */
export function readIndicatorRows(
  grid: Grid,
  header: IndicatorHeader,
  labels: LabelIndex,
  isProjectStart: (row: number) => boolean,
  set: IndicatorSet | null = null,
): IndicatorRows {
  const warnings: Warning[] = [];
  const warned = new Set<string>();
  const start = (h: { row: number; columns: ColumnMap }, caption: IndicatorSet | null): Layout => {
    const layout = layoutOf(grid, caption ? { row: h.row, columns: columnsInSet(h.columns, caption) } : h);
    for (const { col, name } of layout.extraHeaders) {
      if (warned.has(name) || matchLabel(name, labels.extraColumns, labels.moneyUnits)) continue;
      warned.add(name);
      warnings.push(warning("unmapped-column", { table: grid.index, row: h.row, col }, { header: name }));
    }
    return layout;
  };
  const hasOwnSet = (h: { columns: ColumnMap }) => h.columns.some((c) => "role" in c && c.set !== "shared");
  let layout = start(header, hasOwnSet(header) ? null : set);
  const annualBlock = (l: Layout) => l.ownColumns.annual.length > 0 || !l.hasMidTerm;
  let score = annualBlock(layout) ? headerScore(grid, header.top ?? header.row, header.columns, labels) : null;
  const annual: RawIndicatorRow[] = [];
  const midTerm: RawIndicatorRow[] = [];
  let row = header.row + 1;
  for (; row < grid.rows.length; row++) {
    if (isBlankRow(grid, row)) continue;
    if (isProjectStart(row) || endsBlock(grid, row, layout.header.row, labels)) break;
    const next = headerAt(grid, row, labels);
    if (next) {
      layout = start(next, null);
      if (annualBlock(layout)) score ??= headerScore(grid, next.top ?? row, next.columns, labels);
      row = next.row;
      continue;
    }
    const caption = captionRow(grid, row, labels);
    if (caption) {
      // The header that follows states its columns (its set from this row above it); rows straight under the
      // caption are read with the columns so far.
      layout = start(layout.header, caption);
      continue;
    }
    const year = readSet(grid, layout, row, "annual");
    if (year && !isEmptyTemplateRow(year, layout)) annual.push(year);
    if (layout.hasMidTerm) {
      const mid = readSet(grid, layout, row, "midTerm");
      if (mid && !isEmptyTemplateRow(mid, layout)) midTerm.push(mid);
    }
  }
  return { annual, midTerm, end: row, score, columns: layout.header.columns, warnings };
}
