import type { SheetData } from "../grid/index.js";
import { type CellValue, cellText } from "./cell-text.js";
import { ReadError } from "./errors.js";

/** A sheet larger than this is cut (and said so): a 申报表 has tens of rows, a hostile file millions. */
export const MAX_SHEET_ROWS = 20_000;
export const MAX_SHEET_COLS = 200;

/**
 * Reads every visible worksheet of an .xlsx into plain data: each cell's text as displayed, and the merged
 * ranges (0-based, inclusive). Hidden sheets are skipped and named in `hidden` (a reader should know).
 * Throws ReadError("corrupt-workbook") when exceljs cannot parse the workbook, "empty-workbook" when no sheet is visible.
 */
export async function readWorkbook(
  bytes: Uint8Array,
): Promise<{ sheets: SheetData[]; hidden: string[]; truncated: string[] }> {
  // exceljs is large (about a fifth of a second to load): loaded when a workbook is read, not with the reader.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; the bytes are passed as they are.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    throw new ReadError("corrupt-workbook", `(${(error as Error).message})`);
  }
  const sheets: SheetData[] = [];
  const hidden: string[] = [];
  const truncated: string[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== "visible") {
      hidden.push(sheet.name);
      continue;
    }
    const height = Math.min(sheet.rowCount, MAX_SHEET_ROWS);
    const width = Math.min(sheet.columnCount, MAX_SHEET_COLS);
    if (sheet.rowCount > height || sheet.columnCount > width) truncated.push(sheet.name);
    const rows: string[][] = [];
    const masters = new Map<string, { top: number; left: number; bottom: number; right: number }>();
    for (let r = 1; r <= height; r++) {
      const row = sheet.getRow(r);
      const texts: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        if (cell.isMerged && cell.master.address !== cell.address) {
          const master = cell.master;
          const range = masters.get(master.address);
          if (range) {
            range.bottom = Math.max(range.bottom, r - 1);
            range.right = Math.max(range.right, c - 1);
          }
          texts.push("");
          continue;
        }
        if (cell.isMerged) masters.set(cell.address, { top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 });
        texts.push(cellText(cell.value as CellValue, cell.numFmt));
      }
      rows.push(texts);
    }
    sheets.push({ name: sheet.name, rows, merges: [...masters.values()] });
  }
  if (sheets.length === 0)
    throw new ReadError("empty-workbook", hidden.length ? `(hidden: ${hidden.join(", ")})` : null);
  return { sheets, hidden, truncated };
}
