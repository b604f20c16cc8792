import type { DutyRole, HeaderField } from "../config/index.js";
import type { Grid } from "../grid/index.js";
import { distinctCells, fieldAt, fieldOf, type PlacedCell } from "./cells.js";
import {
  departmentIn,
  type LabelIndex,
  matchHeaderLabel,
  matchLabel,
  type Period,
  splitLabelValue,
  unitQualifier,
  unitStatement,
} from "./labels.js";
import type { MoneyUnit, RawDuty, RawField, RawProject, StatedDepartment } from "./types.js";

/** The department line and money unit stated above a project (`304001…本级 | 单位：元`). */
export interface UnitContext {
  readonly department: StatedDepartment | null;
  readonly moneyUnit: MoneyUnit | null;
}

/** Reads a `… | 单位：元` row; null when the row states no unit. */
export function readUnitRow(grid: Grid, row: number, labels: LabelIndex): UnitContext | null {
  const cells = distinctCells(grid, row);
  const unitCell = cells.find((c) => unitStatement(c.cell.text, labels) !== null);
  if (!unitCell) return null;
  const unit = unitStatement(unitCell.cell.text, labels)!;
  // The first other cell that names a department (`填报单位（盖章）：某某局` gives 某某局; a cell holding only
  // the label 填报单位 is passed over for the cell after it).
  const department = cells
    .filter((c) => c !== unitCell)
    .flatMap((c) => {
      const text = departmentIn(c.cell.text, labels);
      return text === null ? [] : [{ text, at: { table: grid.index, row, col: c.col } }];
    })[0];
  const unitField = fieldOf(grid, unitCell)!;
  return { department: department ?? null, moneyUnit: { text: unit, at: unitField.at } };
}

export type LabelHit = PlacedCell & {
  readonly field: HeaderField;
  readonly unit: string | null;
  readonly period: Period | null;
  /** The value written in the label's own cell (`填报单位（盖章）：某某局`), else null. */
  readonly inline: RawField | null;
};

/** The header labels (项目编码, 预算数, 项目资金（万元）, …) standing in the given rows, each at its origin cell. */
export function findLabels(grid: Grid, rows: readonly number[], labels: LabelIndex): LabelHit[] {
  return rows.flatMap((r) =>
    distinctCells(grid, r).flatMap((placed): LabelHit[] => {
      if (placed.cell.origin.row !== r) return [];
      const match = matchHeaderLabel(placed.cell.text, labels);
      if (match) return [{ ...placed, ...match, inline: null }];
      const split = splitLabelValue(placed.cell.text, labels);
      if (!split) return [];
      const { value, ...label } = split;
      const at = { table: grid.index, row: r, col: placed.col };
      return [{ ...placed, ...label, inline: { text: value, lines: [value], at } }];
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
function fieldValueOf(grid: Grid, hit: LabelHit, labels: LabelIndex): RawField | null {
  if (hit.inline) return hit.inline;
  const next = distinctCells(grid, hit.row).find((c) => c.col > hit.col);
  if (next && !isLabel(next.cell.text, labels)) return fieldOf(grid, next);
  const belowRow = hit.row + hit.cell.rowspan;
  const below = distinctCells(grid, belowRow).find((c) => c.col <= hit.col && hit.col < c.col + c.cell.colspan);
  if (!below || below.cell.origin.row !== belowRow || isLabel(below.cell.text, labels)) return null;
  return fieldOf(grid, below);
}

/** The department a 填报单位 label in a row gives (`填报单位： | 某某局`, `填报单位（盖章）：某某局`); null when none. */
export function readSubmitter(grid: Grid, row: number, labels: LabelIndex): StatedDepartment | null {
  const hit = findLabels(grid, [row], labels).find((h) => h.field === "submitter");
  const value = hit ? fieldValueOf(grid, hit, labels) : null;
  return value ? { text: value.text, at: value.at } : null;
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
    if (cells.some((c) => isLabel(c.cell.text, labels))) continue;
    const field = fieldOf(
      grid,
      cells.find((c) => c.cell.text !== ""),
    );
    if (field) return field;
  }
  return null;
}

function dutyRole(text: string, labels: LabelIndex): DutyRole | null {
  return matchLabel(text, labels.dutyColumns, labels.moneyUnits)?.key ?? null;
}

/**
 * The 年度履职目标 rows of a whole-department form: under the block label, a header row (职能 | 任务 |
 * 支出项目 | 金额) found by its labels, then one duty per row until the block ends.
 */
function readDuties(grid: Grid, label: PlacedCell, labels: LabelIndex): RawDuty[] {
  const rows = rowsSpanned(label);
  const headerAt = rows.findIndex((r) =>
    cellsRightOf(grid, r, label).some((c) => dutyRole(c.cell.text, labels) !== null),
  );
  if (headerAt < 0) return [];
  const roles = new Map(
    cellsRightOf(grid, rows[headerAt]!, label).flatMap((c) => {
      const role = dutyRole(c.cell.text, labels);
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
  | "department"
  | "code"
  | "name"
  | "total"
  | "midTermTotal"
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
  // The year's amount before an unqualified one before the period's (中期资金总额 | 年度资金总额, 当年预算数);
  // then, where a form gives the period's and the year's amounts side by side, the labels in the column of
  // the 预算数 label read come first; then the first label that has a value.
  const PERIOD_RANK = { annual: 0, none: 1, midTerm: 2 } as const;
  const rank = (h: LabelHit) => PERIOD_RANK[h.period ?? "none"];
  const valued = (candidates: LabelHit[]) => {
    for (const h of candidates) {
      const value = fieldValueOf(grid, h, labels);
      if (value) return { hit: h, value };
    }
    return null;
  };
  const totals = valued(hits.filter((h) => h.field === "total").sort((a, b) => rank(a) - rank(b)));
  const totalColumn = totals?.hit.col;
  const right = (field: HeaderField) =>
    field === "total"
      ? (totals?.value ?? null)
      : (valued(
          hits
            .filter((h) => h.field === field)
            .sort((a, b) => rank(a) - rank(b) || Number(b.col === totalColumn) - Number(a.col === totalColumn)),
        )?.value ?? null);
  // The multi-year total beside the year's: one labelled with a period (中期资金总额), or, beside a total labelled
  // as the year's (当年年度预算), one without a period (项目总预算).
  const midTerm =
    totals?.hit.period === "midTerm"
      ? null
      : valued(
          hits.filter(
            (h) =>
              h.field === "total" &&
              (h.period === "midTerm" || (totals?.hit.period === "annual" && h.period === null && h !== totals.hit)),
          ),
        );
  // A unit in a label we map (预算数（万元）), else in any label of these rows (项目资金申请(万元)).
  const unitLabel =
    hits.find((h) => h.unit !== null) ??
    rows
      .flatMap((r) => distinctCells(grid, r).filter((c) => c.cell.origin.row === r))
      .map((c) => ({ row: c.row, col: c.col, unit: unitQualifier(c.cell.text, labels) }))
      .find((c) => c.unit !== null);
  const block = hit("budgetBlock");
  const spendPlan = hit("spendPlan");
  const duties = hit("duties");
  const department = !hit("code") && !hit("name") && hit("department") !== undefined;
  const submitter = right("submitter");
  return {
    moneyUnit: unitLabel
      ? { text: unitLabel.unit!, at: { table: grid.index, row: unitLabel.row, col: unitLabel.col } }
      : null,
    kind: department ? "department" : "project",
    department: submitter ? { text: submitter.text, at: submitter.at } : null,
    code: right("code"),
    name: department ? right("department") : right("name"),
    total: right("total"),
    midTermTotal: midTerm?.value ?? null,
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
