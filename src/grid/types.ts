import type { CellRef } from "../model/schema.js";

/** One position of a rectangular grid; merged cells repeat their origin's text at every position they cover. */
export interface GridCell {
  /** Cell text with paragraphs joined by "\n". */
  readonly text: string;
  /** The cell's paragraphs, each whitespace-folded, empty ones dropped. */
  readonly lines: readonly string[];
  /** Grid coordinates of the cell that covers this position (itself when not merged). */
  readonly origin: { readonly row: number; readonly col: number };
  readonly rowspan: number;
  readonly colspan: number;
  /** True where the source row was too short and the position was filled in (see the ragged-row warning). */
  readonly padded: boolean;
}

/** A table of the document with merges expanded. */
export interface Grid {
  /** 0-based index among all tables in document order, nested ones included. */
  readonly index: number;
  readonly width: number;
  readonly rows: readonly (readonly GridCell[])[];
  /** The cell a nested table sits in; null for a top-level table. */
  readonly parent: CellRef | null;
  /** For a table read from a worksheet: the sheet's name and the sheet row (0-based) of the table's first row. */
  readonly sheet?: { readonly name: string; readonly row: number };
}

/** A worksheet as plain data: each cell's displayed text, and its merged ranges (0-based, inclusive). */
export interface SheetData {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
  readonly merges: readonly {
    readonly top: number;
    readonly left: number;
    readonly bottom: number;
    readonly right: number;
  }[];
}

/** A top-level piece of the document body, in order. */
export type Block =
  | { readonly kind: "paragraph"; readonly index: number; readonly text: string; readonly heading: number | null }
  | { readonly kind: "table"; readonly index: number; readonly table: number };

/** The document body as blocks, with every table as a grid. */
export interface DocumentGrid {
  readonly blocks: readonly Block[];
  readonly grids: readonly Grid[];
}
