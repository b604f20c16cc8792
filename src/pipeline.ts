import { assessCompleteness } from "./completeness.js";
import type { LabelConfig } from "./config/index.js";
import { extractProjects } from "./extract/index.js";
import { type DocumentGrid, type Grid, gridFromSheets, parseDocumentHtml } from "./grid/index.js";
import {
  type Department,
  DocumentSchema,
  type JixiaoDocument,
  type Project,
  SCHEMA_VERSION,
  type SheetTable,
  type Warning,
} from "./model/schema.js";
import { parseNarrative } from "./narrative/index.js";
import { normaliseProject } from "./normalise/index.js";
import type { ReadDocument } from "./read/read.js";
import { reconcile } from "./reconcile/index.js";
import { combine, flatMap, map, type Result } from "./result.js";
import type { SourceInfo } from "./source.js";

/** `304001玉田县商务和投资促进局本级` → code 304001, name 玉田县商务和投资促进局本级. */
export function parseDepartment(text: string | null): Department | null {
  if (text === null) return null;
  const match = /^(\d{3,})\s*(.+)$/.exec(text);
  return match ? { code: match[1]!, name: match[2]! } : { code: null, name: text };
}

/**
 * Runs every stage after reading on a converted document: grid → extract → normalise → narrative →
 * reconcile. Pure: the same HTML and source give the same document. The result is validated against
 * the schema (a failure there is a bug, so it throws).
 */
export function processHtml(
  html: string,
  source: SourceInfo,
  config: LabelConfig,
  readerWarnings: readonly Warning[] = [],
): JixiaoDocument {
  return processGrid(parseDocumentHtml(html), source, config, readerWarnings);
}

/** The grids of what was read: a Word document's HTML, or a workbook's sheets. */
export function documentGrid(read: ReadDocument): Result<DocumentGrid> {
  return read.kind === "html" ? parseDocumentHtml(read.html) : gridFromSheets(read.sheets);
}

/** {@link processHtml} from what the read stage returned, whichever kind of document it was. */
export function processRead(
  read: ReadDocument,
  source: SourceInfo,
  config: LabelConfig,
  readerWarnings: readonly Warning[] = [],
): JixiaoDocument {
  return processGrid(documentGrid(read), source, config, readerWarnings);
}

/** Every stage after the grid; see {@link processHtml}. */
export function processGrid(
  grid: Result<DocumentGrid>,
  source: SourceInfo,
  config: LabelConfig,
  readerWarnings: readonly Warning[] = [],
): JixiaoDocument {
  const projects = flatMap(
    flatMap(grid, (doc) => extractProjects(doc, config)),
    (raw) => combine(raw.map((p) => normaliseProject(p, config))),
  );
  const narrative = map(grid, (doc) => doc.blocks);
  const part1 = parseNarrative(narrative.value, config);
  const { links, findings } = reconcile(part1.value, projects.value, config);
  const first: Project | undefined = projects.value[0];
  const warnings = [...readerWarnings, ...projects.warnings, ...part1.warnings];
  return DocumentSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { ...source },
    sheets: sheetTables(grid.value.grids),
    department: parseDepartment(first?.department ?? null),
    moneyUnit: first?.unit ?? null,
    warnings,
    projects: projects.value,
    narrative: part1.value,
    links,
    findings,
    completeness: assessCompleteness({ projects: projects.value, narrative: part1.value, warnings, error: null }),
    error: null,
  } satisfies JixiaoDocument);
}

/** For a workbook, where each table sits; null when no table came from a worksheet (a Word document). */
function sheetTables(grids: readonly Grid[]): SheetTable[] | null {
  const tables = grids.flatMap((g) => (g.sheet ? [{ table: g.index, sheet: g.sheet.name, row: g.sheet.row }] : []));
  return tables.length > 0 ? tables : null;
}
