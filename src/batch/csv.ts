import type { Options } from "csv-stringify";
import type { ColumnName } from "./rows.js";

/**
 * How the batch CSVs are written, by the CLI (streamed) and the web page (at once): a BOM and CRLF line ends for
 * Excel, a header row, and text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first)
 * quoted with a leading `'`.
 */
export function csvOptions(columns: readonly ColumnName[]): Options {
  return {
    bom: true,
    header: true,
    columns: [...columns],
    record_delimiter: "windows",
    cast: { string: (value) => (/^[=+\-@\t\r]/u.test(value) ? `'${value}` : value) },
  };
}
