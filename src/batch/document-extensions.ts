import { basename } from "node:path";

/**
 * The names under which documents we can read are kept, when a folder or glob is searched: Word (.docx .docm .dotx
 * .dotm .doc .dot), WPS (.wps .wpt, and .et spreadsheets), OpenDocument (.odt .ott .ods), RTF and Excel (.xlsx
 * .xlsm .xls). A name only selects a file for reading: what it is, is decided by its content.
 */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set([
  ".docx",
  ".docm",
  ".dotx",
  ".dotm",
  ".doc",
  ".dot",
  ".wps",
  ".wpt",
  ".odt",
  ".ott",
  ".rtf",
  ".xlsx",
  ".xlsm",
  ".xls",
  ".et",
  ".ods",
]);

/** Word's owner lock file (`~$name.docx`), left beside open documents. */
export function isLockFile(path: string): boolean {
  return basename(path).startsWith("~$");
}
