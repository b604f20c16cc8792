import type { IndicatorSet, LabelConfig } from "../config/index.js";
import type { DocumentGrid, Grid } from "../grid/index.js";
import type { Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import type { Result } from "../result.js";
import { labelKey } from "../text.js";
import { sameOrigin } from "./cells.js";
import {
  findLabels,
  hasHeaderLabels,
  readHeaderFields,
  readSubmitter,
  readUnitRow,
  type UnitContext,
} from "./header.js";
import { type ColumnMap, findIndicatorHeader, readIndicatorRows } from "./indicators.js";
import { unmatchedLabels } from "./inspect.js";
import {
  captionSet,
  departmentIn,
  indexLabels,
  isOtherLabel,
  type LabelIndex,
  matchHeaderLabel,
  unitInParagraph,
} from "./labels.js";
import { isStackedHeader, readStackedProjects } from "./stacked.js";
import type { RawProject } from "./types.js";

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Rows where a project's header starts: each row holding the first label of a project (项目编码, else 项目名称). */
function projectStarts(grid: Grid, labels: LabelIndex): number[] {
  const rows = range(0, grid.rows.length);
  const withCode = rows.filter((r) => hasHeaderLabels(grid, [r], labels));
  return withCode.filter((r, i) => i === 0 || !sameProject(grid, withCode[i - 1]!, r, labels));
}

/** A label row belongs to the same project as an earlier one unless an indicator table lies between them. */
function sameProject(grid: Grid, earlier: number, row: number, labels: LabelIndex): boolean {
  const header = findIndicatorHeader(grid, labels, earlier);
  return header === null || header.row > row;
}

interface WalkState {
  context: UnitContext;
  title: string | null;
  /** The set a caption paragraph since the last table names (年度绩效指标 above a table), else null. */
  caption: IndicatorSet | null;
  /**
   * True while nothing but captions stands between the last table that gave the last project indicators and
   * the next block: an indicator table that follows continues that project (a page break, or the 年度 table
   * after the 长期 one).
   */
  continues: boolean;
  /** The columns the last indicator rows were read with, for a continuation table that repeats no header. */
  columns: ColumnMap | null;
  readonly projects: RawProject[];
  readonly warnings: Warning[];
}

function emptyProject(state: WalkState, tables: RawProject["tables"]): RawProject {
  return {
    title: state.title,
    department: state.context.department,
    moneyUnit: state.context.moneyUnit,
    kind: "project",
    code: null,
    name: null,
    total: null,
    midTermTotal: null,
    fiscal: null,
    other: null,
    superior: null,
    purpose: null,
    spendPlan: [],
    goals: null,
    longTermGoals: null,
    duties: [],
    indicators: [],
    midTermIndicators: [],
    weightTotal: null,
    tables,
  };
}

function updateContext(state: WalkState, grid: Grid, rows: readonly number[], labels: LabelIndex): void {
  for (const row of rows) {
    const context = readUnitRow(grid, row, labels);
    if (context) state.context = context;
    const submitter = readSubmitter(grid, row, labels);
    if (submitter) state.context = { ...state.context, department: submitter };
  }
}

/**
 * A table that repeats no header but continues the indicator table just before it (a page break in the middle of
 * the rows): nothing but captions between them, the same number of columns, and rows that read as indicators:
 * each has a value of its own in the 指标值 column (a cell not merged with the columns beside it, so that
 * `其他说明的问题 | 无` across the table is not one).
 */
function continuesRows(state: WalkState, grid: Grid, labels: LabelIndex): boolean {
  const columns = state.columns;
  if (!state.continues || columns === null || grid.width !== columns.length || grid.rows.length === 0) return false;
  const { annual, midTerm } = readIndicatorRows(grid, { row: -1, columns }, labels, () => false);
  const rows = [...annual, ...midTerm];
  const ownValue = (r: (typeof rows)[number]) => {
    const cells = grid.rows[r.at.row] ?? [];
    const value = r.value ? cells[r.value.at.col] : undefined;
    return (
      value !== undefined &&
      columns.every(
        (c, col) => !("role" in c) || col === r.value!.at.col || !cells[col] || !sameOrigin(cells[col], value),
      )
    );
  };
  return rows.length > 0 && rows.every(ownValue);
}

/** A table that only holds indicators: it belongs to the project above when that one has none yet. */
function attachIndicatorTable(
  state: WalkState,
  grid: Grid,
  labels: LabelIndex,
  header: { row: number; columns: ColumnMap },
): void {
  const { annual, midTerm, score, columns, warnings } = readIndicatorRows(
    grid,
    header,
    labels,
    () => false,
    state.caption,
  );
  state.warnings.push(...warnings);
  state.columns = columns;
  const last = state.projects.at(-1);
  if (last && (last.tables.indicators === null || state.continues)) {
    // The project's first indicator table, or one continuing the last (rows after a page break, the next set).
    state.projects[state.projects.length - 1] = {
      ...last,
      indicators: [...last.indicators, ...annual],
      midTermIndicators: [...last.midTermIndicators, ...midTerm],
      weightTotal: last.weightTotal ?? score,
      tables: { ...last.tables, indicators: last.tables.indicators ?? grid.index },
    };
    state.continues = true;
    return;
  }
  state.warnings.push(
    warning("orphan-indicator-table", { table: grid.index, row: header.row, col: 0 }, { table: grid.index }),
  );
  state.projects.push({
    ...emptyProject(state, { header: null, indicators: grid.index }),
    indicators: annual,
    midTermIndicators: midTerm,
    weightTotal: score,
  });
  state.title = null;
}

const TOTAL_ROW = /^(?:合计|小计|总计)[:：]?$/u;

/**
 * The rows of an itemised list closed by a 合计/小计 row (a cost breakdown: `平台软件运维服务费 | 186 | 依据运维服务合同`):
 * the rows above the total up to the last row that starts with a label. Their cells are items, not labels.
 */
function itemRows(grid: Grid, rows: readonly number[], labels: LabelIndex): Set<number> {
  const items = new Set<number>();
  const firstText = (row: number) => (grid.rows[row] ?? []).find((c) => c.text !== "")?.text ?? "";
  const startsWithLabel = (row: number) => {
    const text = firstText(row);
    return matchHeaderLabel(text, labels) !== null || isOtherLabel(text, labels);
  };
  for (const row of rows) {
    if (!TOTAL_ROW.test(labelKey(firstText(row)))) continue;
    for (let r = row - 1; r >= 0 && rows.includes(r) && !startsWithLabel(r); r--) items.add(r);
  }
  return items;
}

/**
 * Warns of label-like cells in a project's header rows that nothing read (a label this template has and we do
 * not know), leaving out the rows of a 年度履职目标 block, whose cells are values.
 */
function warnUnmappedLabels(state: WalkState, grid: Grid, rows: readonly number[], labels: LabelIndex): void {
  const blocks = findLabels(grid, rows, labels).filter((h) => h.field === "duties" || h.field === "spendPlan");
  const inBlock = (row: number) => blocks.some((b) => row > b.row && row < b.row + b.cell.rowspan);
  const items = itemRows(grid, rows, labels);
  for (const { text, at } of unmatchedLabels(
    grid,
    rows.filter((r) => !inBlock(r) && !items.has(r)),
    labels,
    true,
  )) {
    state.warnings.push(warning("unmapped-label", at, { table: at.table + 1, row: at.row + 1, label: text }));
  }
}

/**
 * A table of several projects stacked by column (项目名称 | 预算数 | 年度目标 beside the indicator columns): the
 * rows above its header give the unit and department, then one project per distinct project in the rows.
 */
function readStackedTable(
  state: WalkState,
  grid: Grid,
  header: { row: number; columns: ColumnMap },
  labels: LabelIndex,
) {
  updateContext(state, grid, range(0, header.row), labels);
  const stacked = readStackedProjects(grid, header, labels, (tables) => emptyProject(state, tables));
  if (!stacked) return;
  state.warnings.push(...stacked.warnings);
  state.projects.push(...stacked.projects);
  state.title = null;
}

function readProjectTable(state: WalkState, grid: Grid, starts: number[], labels: LabelIndex): void {
  updateContext(state, grid, range(0, starts[0]!), labels);
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? grid.rows.length;
    const header = findIndicatorHeader(grid, labels, start);
    const indicatorHeader = header && header.row < end ? header : null;
    const headerRows = range(start, indicatorHeader?.row ?? end);
    updateContext(state, grid, headerRows, labels);
    warnUnmappedLabels(state, grid, headerRows, labels);
    const { moneyUnit, department, ...fields } = readHeaderFields(grid, headerRows, labels);
    const project: RawProject = {
      ...emptyProject(state, { header: grid.index, indicators: indicatorHeader ? grid.index : null }),
      ...fields,
      ...(moneyUnit && { moneyUnit }),
      ...(department && { department }),
    };
    if (indicatorHeader) {
      const read = readIndicatorRows(grid, indicatorHeader, labels, (r) => r >= end);
      const { annual, midTerm, score, warnings } = read;
      state.warnings.push(...warnings);
      state.columns = read.columns;
      state.projects.push({ ...project, indicators: annual, midTermIndicators: midTerm, weightTotal: score });
    } else {
      state.projects.push(project);
    }
    state.title = null;
  });
}

/**
 * Finds the projects of Part 2 by their labels: header tables (项目编码, 项目名称, …), indicator tables
 * (一级指标 … 指标值) and the department/unit line above them, in whichever tables they stand.
 */
export function extractProjects(doc: DocumentGrid, config: LabelConfig): Result<RawProject[]> {
  const labels = indexLabels(config);
  const state: WalkState = {
    context: { department: null, moneyUnit: null },
    title: null,
    caption: null,
    continues: false,
    columns: null,
    projects: [],
    warnings: [],
  };
  for (const block of doc.blocks) {
    if (block.kind === "paragraph") {
      const caption = block.text.length <= 20 ? captionSet(block.text, labels) : null;
      if (caption) {
        state.caption = caption;
        continue;
      }
      if (block.text !== "") state.continues = false;
      const stated = unitInParagraph(block.text, labels);
      if (stated) {
        const named = departmentIn(stated.before, labels);
        state.context = {
          department: named === null ? state.context.department : { text: named, at: null },
          moneyUnit: { text: stated.unit, at: null },
        };
      } else if (block.text !== "") state.title = block.text;
      continue;
    }
    const grid = doc.grids[block.table]!;
    const header = findIndicatorHeader(grid, labels);
    if (header && isStackedHeader(grid, header, labels)) {
      readStackedTable(state, grid, header, labels);
      state.continues = false;
      state.columns = null;
      state.caption = null;
      continue;
    }
    const starts = projectStarts(grid, labels);
    if (starts.length > 0) {
      readProjectTable(state, grid, starts, labels);
      state.continues = state.projects.at(-1)?.tables.indicators === grid.index;
    } else if (findIndicatorHeader(grid, labels))
      attachIndicatorTable(state, grid, labels, findIndicatorHeader(grid, labels)!);
    else if (continuesRows(state, grid, labels))
      attachIndicatorTable(state, grid, labels, { row: -1, columns: state.columns! });
    else {
      updateContext(state, grid, range(0, grid.rows.length), labels);
      state.continues = false;
    }
    state.caption = null;
  }
  for (const project of state.projects) {
    if (project.tables.indicators === null) {
      const name = project.name?.text ?? project.title ?? "";
      state.warnings.push(warning("missing-indicator-table", project.name?.at ?? null, { project: name }));
    }
  }
  if (state.projects.length === 0) state.warnings.push(warning("no-part2"));
  return { value: state.projects, warnings: state.warnings };
}
