import type { HeaderField } from "../config/index.js";
import type { Grid } from "../grid/index.js";
import { distinctCells, fieldAt, fieldOf, type PlacedCell } from "./cells.js";
import { labelKey, type LabelIndex, unitStatement } from "./labels.js";
import type { RawField, RawProject } from "./types.js";

/** The department line and money unit stated above a project (`304001…本级 | 单位：元`). */
export interface UnitContext {
  readonly department: RawField | null;
  readonly moneyUnit: RawField | null;
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
  return { department, moneyUnit: { ...unitField, text: unit, lines: [unit] } };
}

type LabelHit = PlacedCell & { readonly field: HeaderField };

function findLabels(grid: Grid, rows: readonly number[], labels: LabelIndex): LabelHit[] {
  return rows.flatMap((r) =>
    distinctCells(grid, r).flatMap((placed) => {
      const field = labels.header.get(labelKey(placed.cell.text));
      return field && placed.cell.origin.row === r ? [{ ...placed, field }] : [];
    }),
  );
}

/** True when the grid holds at least one project header label (项目编码, 项目名称, …) in the given rows. */
export function hasHeaderLabels(grid: Grid, rows: readonly number[], labels: LabelIndex): boolean {
  return findLabels(grid, rows, labels).some((hit) => hit.field === "code" || hit.field === "name");
}

/** The cell right of a label, skipping the label's own merged columns; null when blank or another label. */
function valueRightOf(grid: Grid, hit: PlacedCell, labels: LabelIndex): RawField | null {
  const next = distinctCells(grid, hit.row).find((c) => c.col > hit.col);
  if (!next || labels.header.has(labelKey(next.cell.text))) return null;
  return fieldOf(grid, next);
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
    const field = fieldOf(grid, cells.find((c) => c.cell.text !== ""));
    if (field) return field;
  }
  return null;
}

/** The header fields of a project found by their labels in the given rows of a grid. */
export type HeaderFields = Pick<RawProject, "code" | "name" | "total" | "fiscal" | "other" | "purpose" | "spendPlan" | "goals">;

/** Reads a project's header fields by label, wherever in the given rows the labels stand. */
export function readHeaderFields(grid: Grid, rows: readonly number[], labels: LabelIndex): HeaderFields {
  const hits = findLabels(grid, rows, labels);
  const hit = (field: HeaderField) => hits.find((h) => h.field === field);
  const right = (field: HeaderField) => {
    const h = hit(field);
    return h ? valueRightOf(grid, h, labels) : null;
  };
  const block = hit("budgetBlock");
  const spendPlan = hit("spendPlan");
  return {
    code: right("code"),
    name: right("name"),
    total: right("total"),
    fiscal: right("fiscal"),
    other: right("other"),
    purpose: right("purpose") ?? (block ? readPurposeInBlock(grid, block, labels) : null),
    spendPlan: spendPlan ? readSpendPlan(grid, spendPlan) : [],
    goals: right("goals"),
  };
}
