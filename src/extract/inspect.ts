import type { LabelConfig } from "../config/index.js";
import type { DocumentGrid, Grid } from "../grid/index.js";
import type { CellRef, JixiaoDocument } from "../model/schema.js";
import { distinctCells } from "./cells.js";
import { findLabels, readUnitRow } from "./header.js";
import { findIndicatorHeader } from "./indicators.js";
import {
  captionSet,
  indexLabels,
  isOtherLabel,
  type LabelIndex,
  matchColumn,
  matchHeaderLabel,
  matchLabel,
  splitLabelValue,
  unitQualifier,
  unitStatement,
} from "./labels.js";
import { stackedColumns } from "./stacked.js";

/** How a document was read: every table's role and matches, and the resulting document. */
export interface Inspection {
  readonly tables: TableInspection[];
  readonly document: JixiaoDocument;
}

/** How one table of a document was read: what it is taken for, and which labels and columns matched. */
export interface TableInspection {
  readonly table: number;
  readonly rows: number;
  readonly cols: number;
  readonly parent: CellRef | null;
  readonly role: "unit-row" | "project-header" | "indicators" | "project-header+indicators" | "other";
  /** Header labels found, with the field each stands for. */
  readonly labels: readonly { readonly text: string; readonly field: string; readonly at: CellRef }[];
  readonly unit: { readonly department: string | null; readonly unit: string } | null;
  /** The indicator header row and what each column was taken for. */
  readonly indicatorHeader: {
    readonly row: number;
    readonly columns: readonly {
      readonly col: number;
      readonly header: string;
      readonly role: string | null;
      readonly set: string | null;
      /** "project": a column of a table of projects stacked by column (项目名称, 预算数), read as the row's project's `role`. */
      readonly kept: "extra" | "ignored" | "project" | null;
    }[];
  } | null;
  /** Short cells outside the indicator rows that look like labels but matched nothing: candidates for aliases. */
  readonly unmatched: readonly { readonly text: string; readonly at: CellRef }[];
}

/** A cell that reads like a label: short, no digits, not a sentence. */
function looksLikeLabel(text: string): boolean {
  return text.length >= 2 && text.length <= 12 && !/[0-9０-９%％。；;，,□☑☐■√✓✔]/u.test(text);
}

/**
 * Short label-like cells in the given rows that no field, column or known label took: where a template has a
 * label we do not read. In a form of label | value pairs (`pairs`), the cell right after a label is its value.
 */
export function unmatchedLabels(
  grid: Grid,
  rows: readonly number[],
  labels: LabelIndex,
  pairs: boolean,
): { text: string; at: CellRef }[] {
  const known = (text: string): boolean =>
    matchHeaderLabel(text, labels) !== null ||
    splitLabelValue(text, labels) !== null ||
    matchColumn(text, labels) !== null ||
    captionSet(text, labels) !== null ||
    unitQualifier(text, labels) !== null ||
    matchLabel(text, labels.dutyColumns, labels.moneyUnits) !== null ||
    matchLabel(text, labels.extraColumns, labels.moneyUnits) !== null ||
    isOtherLabel(text, labels) ||
    unitStatement(text, labels) !== null;
  // Labels side by side over their values (总体目标 | 中期目标 | 年度目标 with the texts below): a cell under a header
  // label is that label's value.
  const underLabel = (r: number, col: number): boolean => {
    const above = r > 0 ? grid.rows[r - 1]?.[col] : undefined;
    return above !== undefined && above.origin.row < r && matchHeaderLabel(above.text, labels) !== null;
  };
  return rows.flatMap((r) => {
    const found: { text: string; at: CellRef }[] = [];
    let afterLabel = false;
    for (const c of distinctCells(grid, r)) {
      const isLabel = matchHeaderLabel(c.cell.text, labels) !== null;
      const candidate: boolean =
        !afterLabel &&
        !isLabel &&
        c.cell.origin.row === r &&
        looksLikeLabel(c.cell.text) &&
        !known(c.cell.text) &&
        !underLabel(r, c.col);
      if (candidate) found.push({ text: c.cell.text, at: { table: grid.index, row: r, col: c.col } });
      afterLabel = pairs && !afterLabel && (isLabel || candidate || known(c.cell.text));
    }
    return found;
  });
}

function inspectTable(grid: Grid, labels: LabelIndex): TableInspection {
  const header = findIndicatorHeader(grid, labels);
  const headerRows = Array.from({ length: header?.row ?? grid.rows.length }, (_, r) => r);
  const hits = findLabels(grid, headerRows, labels);
  // In a table nothing matched, its first row is where a column header would stand.
  const candidateRows = header || hits.length > 0 ? headerRows : headerRows.slice(0, 1);
  const unit = headerRows.map((r) => readUnitRow(grid, r, labels)).find((u) => u !== null) ?? null;
  const isProject = hits.some((h) => h.field === "code" || h.field === "name" || h.field === "department");
  const role =
    isProject && header
      ? "project-header+indicators"
      : isProject
        ? "project-header"
        : header
          ? "indicators"
          : unit
            ? "unit-row"
            : "other";
  const unmatched = unmatchedLabels(grid, candidateRows, labels, hits.length > 0);
  const stacked = header ? stackedColumns(grid, header, labels) : new Map<number, string>();
  return {
    table: grid.index,
    rows: grid.rows.length,
    cols: grid.width,
    parent: grid.parent,
    role,
    labels: hits.map((h) => ({ text: h.cell.text, field: h.field, at: { table: grid.index, row: h.row, col: h.col } })),
    unit: unit ? { department: unit.department?.text ?? null, unit: unit.moneyUnit!.text } : null,
    indicatorHeader: header && {
      row: header.row,
      columns: header.columns.map((c, col) => {
        const projectField = stacked.get(col);
        return {
          col,
          header: grid.rows[header.row]![col]!.text,
          role: "role" in c ? c.role : (projectField ?? null),
          set: "role" in c ? c.set : null,
          kept: projectField
            ? ("project" as const)
            : "extra" in c
              ? ("extra" as const)
              : "ignored" in c
                ? ("ignored" as const)
                : null,
        };
      }),
    },
    unmatched,
  };
}

/**
 * Shows how each table of a document is read with a configuration: its role, the labels and columns
 * that matched which fields, and the label-like cells that matched nothing (where a new template needs
 * an alias).
 */
export function inspectTables(doc: DocumentGrid, config: LabelConfig): TableInspection[] {
  const labels = indexLabels(config);
  return doc.grids.map((grid) => inspectTable(grid, labels));
}
