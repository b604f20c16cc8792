import type { DutyRole, HeaderField } from "../config/index.js";
import type { Grid } from "../grid/index.js";
import { labelKey } from "../text.js";
import { distinctCells, fieldAt, fieldOf, type PlacedCell } from "./cells.js";
import { type LabelIndex, matchHeaderLabel, unitStatement } from "./labels.js";
import type { MoneyUnit, RawDuty, RawField, RawProject } from "./types.js";

/** The department line and money unit stated above a project (`304001…本级 | 单位：元`). */
export interface UnitContext {
  readonly department: RawField | null;
  readonly moneyUnit: MoneyUnit | null;
}

/** Reads a `… | 单位：元` row; null when the row states no unit. */
export function readUnitRow(grid: Grid, row: number, labels: LabelIndex): UnitContext | null {
  const cells = distinctCells(grid, row);
  const unitCell = cells.find((c) => unitStatement(c.cell.text, labels) !== null);
  if (!unitCell) return null;
  const unit = unitStatement(unitCell.cell.text, labels)!;
  const others = cells.filter((c) => c !== unitCell && c.cell.text !== "");
  const department = others.length > 0 ? fieldOf(grid, others[0]) : null;
  const unitField = fieldOf(grid, unitCell)!;
  return { department, moneyUnit: { text: unit, at: unitField.at } };
}

export type LabelHit = PlacedCell & { readonly field: HeaderField; readonly unit: string | null };

/** The header labels (项目编码, 预算数, 项目资金（万元）, …) standing in the given rows, each at its origin cell. */
export function findLabels(grid: Grid, rows: readonly number[], labels: LabelIndex): LabelHit[] {
  return rows.flatMap((r) =>
    distinctCells(grid, r).flatMap((placed) => {
      const match = matchHeaderLabel(placed.cell.text, labels);
      return match && placed.cell.origin.row === r ? [{ ...placed, ...match }] : [];
    }),
  );
}

/** The labels that open a project's (or a department's) form. */
const START_FIELDS: ReadonlySet<HeaderField> = new Set(["code", "name", "department"]);

/** True when the grid holds a label that opens a form (项目编码, 项目名称, 部门名称) in the given rows. */
export function hasHeaderLabels(grid: Grid, rows: readonly number[], labels: LabelIndex): boolean {
  return findLabels(grid, rows, labels).some((hit) => START_FIELDS.has(hit.field));
}

function isLabel(text: string, labels: LabelIndex): boolean {
  return matchHeaderLabel(text, labels) !== null;
}

/**
 * The value of a label: the cell to its right (skipping its own merged columns), or, where labels stand
 * side by side over their values (总体目标 | 年度目标 with the texts below), the cell below it.
 */
function fieldValueOf(grid: Grid, hit: PlacedCell, labels: LabelIndex): RawField | null {
  const next = distinctCells(grid, hit.row).find((c) => c.col > hit.col);
  if (next && !isLabel(next.cell.text, labels)) return fieldOf(grid, next);
  const belowRow = hit.row + hit.cell.rowspan;
  const below = distinctCells(grid, belowRow).find((c) => c.col <= hit.col && hit.col < c.col + c.cell.colspan);
  if (!below || below.cell.origin.row !== belowRow || isLabel(below.cell.text, labels)) return null;
  return fieldOf(grid, below);
}

function rowsSpanned(hit: PlacedCell): number[] {
  return Array.from({ length: hit.cell.rowspan }, (_, i) => hit.row + i);
}

/** The cells of the given rows that lie right of a block label (资金支出计划, 预算规模及资金用途). */
function cellsRightOf(grid: Grid, row: number, label: PlacedCell): PlacedCell[] {
  return distinctCells(grid, row).filter((c) => c.col >= label.col + label.cell.colspan);
}

function readSpendPlan(grid: Grid, label: PlacedCell): RawProject["spendPlan"] {
  const [periodRow, percentRow] = rowsSpanned(label);
  if (periodRow === undefined) return [];
  return cellsRightOf(grid, periodRow, label).flatMap((placed) => {
    const period = fieldOf(grid, placed);
    if (!period) return [];
    return [{ period, percent: percentRow === undefined ? null : fieldAt(grid, percentRow, placed.col) }];
  });
}

/** 资金用途 written under the amounts inside the 预算规模及资金用途 block, without a label of its own. */
function readPurposeInBlock(grid: Grid, block: PlacedCell, labels: LabelIndex): RawField | null {
  for (const row of rowsSpanned(block)) {
    const cells = cellsRightOf(grid, row, block);
    if (cells.some((c) => labels.header.has(labelKey(c.cell.text)))) continue;
    const field = fieldOf(
      grid,
      cells.find((c) => c.cell.text !== ""),
    );
    if (field) return field;
  }
  return null;
}

/**
 * The 年度履职目标 rows of a whole-department form: under the block label, a header row (职能 | 任务 |
 * 支出项目 | 金额) found by its labels, then one duty per row until the block ends.
 */
function readDuties(grid: Grid, label: PlacedCell, labels: LabelIndex): RawDuty[] {
  const rows = rowsSpanned(label);
  const headerAt = rows.findIndex((r) =>
    cellsRightOf(grid, r, label).some((c) => labels.dutyColumns.has(labelKey(c.cell.text))),
  );
  if (headerAt < 0) return [];
  const roles = new Map(
    cellsRightOf(grid, rows[headerAt]!, label).flatMap((c) => {
      const role = labels.dutyColumns.get(labelKey(c.cell.text));
      return role ? [[role, c.col] as const] : [];
    }),
  );
  return rows.slice(headerAt + 1).flatMap((row) => {
    const field = (role: DutyRole) => (roles.has(role) ? fieldAt(grid, row, roles.get(role)!) : null);
    const duty = {
      function: field("function"),
      task: field("task"),
      item: field("item"),
      amount: field("amount"),
      at: { table: grid.index, row, col: label.col + label.cell.colspan },
    };
    return duty.function || duty.task || duty.item || duty.amount ? [duty] : [];
  });
}

/** The header fields of a project found by their labels in the given rows of a grid. */
export type HeaderFields = Pick<
  RawProject,
  | "code"
  | "name"
  | "total"
  | "fiscal"
  | "other"
  | "superior"
  | "purpose"
  | "spendPlan"
  | "goals"
  | "longTermGoals"
  | "kind"
  | "duties"
> & {
  /** A unit stated in a label (项目资金（万元）), which overrides the one above the table. */
  readonly moneyUnit: MoneyUnit | null;
};

/** Reads a project's header fields by label, wherever in the given rows the labels stand. */
export function readHeaderFields(grid: Grid, rows: readonly number[], labels: LabelIndex): HeaderFields {
  const hits = findLabels(grid, rows, labels);
  const hit = (field: HeaderField) => hits.find((h) => h.field === field);
  // Where a form gives the period's and the year's amounts side by side (中期资金总额 | 年度资金总额), the
  // labels in the column of the 预算数 label read come first; then the first label that has a value.
  const totalColumn = hits.find((h) => h.field === "total")?.col;
  const right = (field: HeaderField) => {
    const candidates = hits
      .filter((h) => h.field === field)
      .sort((a, b) => Number(b.col === totalColumn) - Number(a.col === totalColumn));
    for (const h of candidates) {
      const value = fieldValueOf(grid, h, labels);
      if (value) return value;
    }
    return null;
  };
  const unitLabel = hits.find((h) => h.unit !== null);
  const block = hit("budgetBlock");
  const spendPlan = hit("spendPlan");
  const duties = hit("duties");
  const department = !hit("code") && !hit("name") && hit("department") !== undefined;
  return {
    moneyUnit: unitLabel
      ? { text: unitLabel.unit!, at: { table: grid.index, row: unitLabel.row, col: unitLabel.col } }
      : null,
    kind: department ? "department" : "project",
    code: right("code"),
    name: department ? right("department") : right("name"),
    total: right("total"),
    fiscal: right("fiscal"),
    other: right("other"),
    superior: right("superior"),
    purpose: right("purpose") ?? (block ? readPurposeInBlock(grid, block, labels) : null),
    spendPlan: spendPlan ? readSpendPlan(grid, spendPlan) : [],
    goals: right("goals"),
    longTermGoals: right("longTermGoals"),
    duties: duties ? readDuties(grid, duties, labels) : [],
  };
}
