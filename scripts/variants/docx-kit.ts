/**
 * A small vocabulary for writing the `docx`-library fixtures: paragraphs in the fonts of published
 * Chinese budget documents, and tables described row by row where every merge is explicit — a column
 * span (`span`) or a true vertical merge (`merge: "restart"` on the first cell, `"continue"` below it).
 * A row whose spans do not add up to the table's width is a mistake in the fixture, so it throws.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";

const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋_GB2312" };
const HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };
const TABLE_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };

/** A cell of a table: plain text (lines split on "\n"), or text with its merges. */
export interface CellSpec {
  readonly text: string;
  /** Grid columns the cell spans (gridSpan); 1 by default. */
  readonly span?: number;
  /** A true vertical merge: "restart" opens it, "continue" cells below it join it. */
  readonly merge?: "restart" | "continue";
  readonly bold?: boolean;
  readonly align?: "left" | "center" | "right";
}
export type Cell = string | CellSpec;

/** The continuation of a vertical merge, spanning `span` columns like the cell that opened it. */
export const cont = (span = 1): CellSpec => ({ text: "", merge: "continue", span });
/** The first cell of a vertical merge. */
export const vm = (text: string, span = 1): CellSpec => ({ text, merge: "restart", span });
/** A cell spanning `span` columns. */
export const sp = (text: string, span: number, align?: CellSpec["align"]): CellSpec =>
  align ? { text, span, align } : { text, span };
/** A bold, centred header cell. */
export const th = (text: string, span = 1): CellSpec => ({ text, span, bold: true, align: "center" });

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cellParagraphs(spec: CellSpec): Paragraph[] {
  const lines = spec.text === "" ? [""] : spec.text.split("\n");
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: ALIGN[spec.align ?? "left"],
        children: [new TextRun({ text: line, bold: spec.bold ?? false, font: TABLE_FONT, size: 21 })],
      }),
  );
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

/** Options of {@link table}. */
export interface TableOptions {
  /** A borderless table (the `department | 单位：元` line above a form is often one). */
  readonly borderless?: boolean;
}

/**
 * A table of `widths.length` grid columns (widths in twips). Each row lists its cells left to right;
 * a vertically merged position must be given as a `cont()` cell, exactly as Word stores it.
 */
export function table(
  widths: readonly number[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions = {},
): Table {
  const tableRows = rows.map((row, r) => {
    const specs = row.map((cell): CellSpec => (typeof cell === "string" ? { text: cell } : cell));
    const covered = specs.reduce((sum, s) => sum + (s.span ?? 1), 0);
    if (covered !== widths.length)
      throw new Error(
        `row ${r} covers ${covered} of ${widths.length} columns: ${specs.map((s) => s.text).join(" | ")}`,
      );
    let col = 0;
    const cells = specs.map((spec) => {
      const span = spec.span ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return new TableCell({
        children: cellParagraphs(spec),
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(spec.merge === "restart" ? { verticalMerge: VerticalMergeType.RESTART } : {}),
        ...(spec.merge === "continue" ? { verticalMerge: VerticalMergeType.CONTINUE } : {}),
        ...(options.borderless
          ? { borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER } }
          : {}),
      });
    });
    return new TableRow({ children: cells });
  });
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    rows: tableRows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    ...(options.borderless
      ? {
          borders: {
            top: NO_BORDER,
            bottom: NO_BORDER,
            left: NO_BORDER,
            right: NO_BORDER,
            insideHorizontal: NO_BORDER,
            insideVertical: NO_BORDER,
          },
        }
      : {}),
  });
}

/** A body paragraph in 仿宋, first line indented two characters as in published documents. */
export function p(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 560 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: BODY_FONT, size: 32 })],
  });
}

/** A heading line (黑体); level 1 is centred like 第一部分 / 第二部分. */
export function h(text: string, level: 1 | 2 | 3 = 2): Paragraph {
  const heading = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({
    heading,
    alignment: level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [new TextRun({ text, font: HEADING_FONT, size: level === 1 ? 36 : 32, bold: level !== 3 })],
  });
}

/** A centred title line (form names such as 项目支出绩效目标申报表). */
export function title(text: string, size = 36): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, font: HEADING_FONT, size, bold: true })],
  });
}

/** A right-aligned small line (单位：万元 above a form). */
export function right(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [new TextRun({ text, font: TABLE_FONT, size: 21 })],
  });
}

/** An empty paragraph, as Word leaves between tables. */
export const blank = (): Paragraph => new Paragraph({ children: [] });

/** A page break in its own paragraph. */
export const pageBreak = (): Paragraph => new Paragraph({ children: [new PageBreak()] });

/** Packs a document body into .docx bytes (normalise them with normaliseDocx for reproducible files). */
export async function pack(
  meta: { title: string; creator: string },
  children: readonly (Paragraph | Table)[],
): Promise<Buffer> {
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    lastModifiedBy: meta.creator,
    revision: 1,
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } },
        },
        children: [...children],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * Turns plain rows into cells with vertical merges in the given columns: a cell merges with the one
 * above when its text is the same and every merged column left of it merges too (so 二级 cells merge
 * only inside one 一级 block). Empty cells never merge.
 */
export function mergeDown(rows: readonly (readonly string[])[], columns: readonly number[]): Cell[][] {
  return rows.map((row, r) =>
    row.map((text, c): Cell => {
      if (!columns.includes(c) || text === "") return text;
      const merges = (col: number, at: number): boolean =>
        at > 0 && rows[at - 1]![col] === rows[at]![col] && rows[at]![col] !== "";
      const above = merges(c, r) && columns.filter((k) => k < c).every((k) => merges(k, r));
      if (above) return cont();
      const below =
        r + 1 < rows.length && merges(c, r + 1) && columns.filter((k) => k < c).every((k) => merges(k, r + 1));
      return below ? vm(text) : text;
    }),
  );
}
