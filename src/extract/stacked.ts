import type { HeaderField } from "../config/index.js";
import type { Grid } from "../grid/index.js";
import type { Warning } from "../model/schema.js";
import { sameOrigin } from "./cells.js";
import type { ColumnMap } from "./indicators.js";
import { readIndicatorRows } from "./indicators.js";
import { type LabelIndex, matchHeaderLabel } from "./labels.js";
import type { MoneyUnit, RawField, RawProject } from "./types.js";

/** The project fields a column of an indicator table may carry per row (项目名称 | 预算数（万元） | 年度目标). */
const PROJECT_FIELDS = [
  "code",
  "name",
  "department",
  "submitter",
  "total",
  "fiscal",
  "other",
  "superior",
  "purpose",
  "goals",
  "longTermGoals",
] as const satisfies readonly HeaderField[];
type ProjectField = (typeof PROJECT_FIELDS)[number];

/** A column of the indicator header row that names a project field, and the money unit its label states. */
interface ProjectColumn {
  readonly col: number;
  readonly field: ProjectField;
  readonly unit: string | null;
}

/**
 * The columns of an indicator header row that carry the project rather than the indicator: header labels
 * (项目名称, 项目编码, 单位名称, 预算数（万元）, 年度目标) standing among the indicator columns. Empty when the
 * row names no project column (an ordinary indicator table).
 */
function projectColumns(grid: Grid, header: { row: number; columns: ColumnMap }, labels: LabelIndex): ProjectColumn[] {
  const cells = grid.rows[header.row] ?? [];
  const seen = new Set<ProjectField>();
  return header.columns.flatMap((c, col): ProjectColumn[] => {
    if ("role" in c) return [];
    const cell = cells[col];
    if (!cell || (col > 0 && sameOrigin(cells[col - 1]!, cell))) return [];
    const match = matchHeaderLabel(cell.text, labels);
    const field = PROJECT_FIELDS.find((f) => f === match?.field);
    if (!match || !field || seen.has(field) || match.period === "midTerm") return [];
    seen.add(field);
    return [{ col, field, unit: match.unit }];
  });
}

/** The field of a cell, placed at the cell's origin (where a merged cell starts), null when blank. */
function originField(grid: Grid, row: number, col: number): RawField | null {
  const cell = grid.rows[row]?.[col];
  if (!cell || cell.text === "") return null;
  return { text: cell.text, lines: cell.lines, at: { table: grid.index, row: cell.origin.row, col: cell.origin.col } };
}

/** The column that tells the projects apart: 项目编码, else 项目名称. */
function keyColumn(columns: readonly ProjectColumn[]): ProjectColumn | undefined {
  return columns.find((c) => c.field === "code") ?? columns.find((c) => c.field === "name");
}

/** The project columns of a stacked table's header row, by column: the field each carries (empty when not stacked). */
export function stackedColumns(
  grid: Grid,
  header: { row: number; columns: ColumnMap },
  labels: LabelIndex,
): ReadonlyMap<number, string> {
  const columns = projectColumns(grid, header, labels);
  return keyColumn(columns) ? new Map(columns.map((c) => [c.col, c.field])) : new Map();
}

/** Whether an indicator header row carries the project per row (a 项目名称 or 项目编码 column among its columns). */
export function isStackedHeader(grid: Grid, header: { row: number; columns: ColumnMap }, labels: LabelIndex): boolean {
  return keyColumn(projectColumns(grid, header, labels)) !== undefined;
}

/** A run of rows belonging to one project: from `start` up to (not including) `end`. */
interface ProjectRows {
  readonly start: number;
  readonly end: number;
}

/**
 * Splits the rows under the header by the project they carry: a new project starts where the key column
 * (项目编码, else 项目名称) starts a cell with another text than the project before; a blank or merged-down
 * cell continues it, so a name merged down, repeated on every row or written on the first row only all read
 * the same.
 */
function projectRuns(grid: Grid, keyCol: number, from: number, to: number): ProjectRows[] {
  const runs: { start: number; end: number; text: string }[] = [];
  for (let row = from; row < to; row++) {
    const cell = grid.rows[row]?.[keyCol];
    const text = cell?.text ?? "";
    const current = runs.at(-1);
    if (current && (text === "" || text === current.text)) {
      current.end = row + 1;
    } else if (text !== "") {
      runs.push({ start: row, end: row + 1, text });
    }
  }
  return runs;
}

/** What a stacked table gives: one project per distinct project, and the warnings of its indicator rows. */
export interface StackedProjects {
  readonly projects: RawProject[];
  readonly warnings: Warning[];
}

/**
 * Reads a table of several projects stacked by column: each row carries its project in columns beside the
 * indicator columns (单位名称 | 项目名称 | 预算数（万元） | 年度目标 | 一级指标 …), usually merged down over the
 * project's rows. Gives one project per run of rows with the same project, with its own header fields (read
 * from the project columns of its first row) and its own indicators. Null when the header row has no
 * 项目名称/项目编码 column, so the table is an ordinary indicator table.
 */
export function readStackedProjects(
  grid: Grid,
  header: { row: number; columns: ColumnMap },
  labels: LabelIndex,
  base: (tables: RawProject["tables"]) => RawProject,
): StackedProjects | null {
  const columns = projectColumns(grid, header, labels);
  const key = keyColumn(columns);
  if (!key) return null;
  const projectCols = new Set(columns.map((c) => c.col));
  // The project columns are read here, not as indicator columns kept in `extra`.
  const indicatorHeader = {
    row: header.row,
    columns: header.columns.map((c, col) => (projectCols.has(col) ? { ignored: true as const } : c)),
  };
  const { annual, midTerm, end, warnings } = readIndicatorRows(grid, indicatorHeader, labels, () => false);
  const projects = projectRuns(grid, key.col, header.row + 1, end).map(({ start, end: runEnd }) => {
    const inRun = (r: { at: { row: number } }) => r.at.row >= start && r.at.row < runEnd;
    const field = (f: ProjectField) => {
      const column = columns.find((c) => c.field === f);
      return column ? originField(grid, start, column.col) : null;
    };
    const unitColumn = columns.find((c) => c.unit !== null);
    const moneyUnit: MoneyUnit | null = unitColumn
      ? { text: unitColumn.unit!, at: { table: grid.index, row: header.row, col: unitColumn.col } }
      : null;
    const department = field("submitter") ?? field("department");
    const project = base({ header: grid.index, indicators: grid.index });
    return {
      ...project,
      ...(moneyUnit && { moneyUnit }),
      ...(department && { department: { text: department.text, at: department.at } }),
      code: field("code"),
      name: field("name"),
      total: field("total"),
      fiscal: field("fiscal"),
      other: field("other"),
      superior: field("superior"),
      purpose: field("purpose"),
      goals: field("goals"),
      longTermGoals: field("longTermGoals"),
      indicators: annual.filter(inRun),
      midTermIndicators: midTerm.filter(inRun),
    } satisfies RawProject;
  });
  return { projects, warnings };
}
