import { stringify } from "csv-stringify/browser/esm/sync";
import type { JixiaoDocument } from "../model/schema.js";
import { buildReportView } from "../render/report.js";
import { csvOptions } from "./csv.js";
import { BATCH_FILES } from "./index-page.js";
import {
  type Cell,
  DOCUMENT_COLUMNS,
  documentRow,
  FINDING_COLUMNS,
  findingRows,
  INDICATOR_COLUMNS,
  indicatorRows,
  PROJECT_COLUMNS,
  projectRows,
  rowValues,
  TREND_COLUMNS,
  type TrendRow,
} from "./rows.js";
import type { DocumentSummary } from "./types.js";
import { batchSheets, WORKBOOK_DATE } from "./workbook-layout.js";
import { xlsxBytes } from "./xlsx-memory.js";

/** A processed document of a batch held in memory, and its summary. */
export interface DoneDocument {
  readonly summary: DocumentSummary;
  readonly doc: JixiaoDocument;
}

/** The batch files the web page builds: the CLI's, from the same rows and the same workbook layout. */
export type MemoryBatchFile = Exclude<(typeof BATCH_FILES)[keyof typeof BATCH_FILES], "index.html">;

/**
 * One of the batch files, built in memory from the documents (in the batch's order) as the CLI writes it to disk
 * (outputs.ts): `batch.xlsx` (with 历年对比 when `trends` is given: the batch has year-over-year comparisons), `indicators.csv`, `findings.csv` and
 * `documents.ndjson`.
 */
export async function batchFileInMemory(
  name: MemoryBatchFile,
  done: readonly DoneDocument[],
  trends: readonly TrendRow[] | null = null,
): Promise<Uint8Array | string> {
  const csv = (columns: readonly Parameters<typeof csvOptions>[0][number][], rows: Cell[][]) =>
    stringify(rows, csvOptions(columns));
  const views = () => done.map((d) => ({ ...d, view: buildReportView(d.doc) }));
  switch (name) {
    case BATCH_FILES.ndjson:
      return done.map((d) => `${JSON.stringify(d.doc)}\n`).join("");
    case BATCH_FILES.indicatorsCsv:
      return csv(
        INDICATOR_COLUMNS,
        views().flatMap((d) => indicatorRows(d.summary, d.doc, d.view).map((r) => rowValues(INDICATOR_COLUMNS, r))),
      );
    case BATCH_FILES.findingsCsv:
      return csv(
        FINDING_COLUMNS,
        done.flatMap((d) => findingRows(d.summary, d.doc).map((r) => rowValues(FINDING_COLUMNS, r))),
      );
    case BATCH_FILES.xlsx: {
      const all = views();
      const sheets = batchSheets({
        documents: done.map((d) => rowValues(DOCUMENT_COLUMNS, documentRow(d.summary))),
        projects: all.flatMap((d) => projectRows(d.summary, d.doc, d.view).map((r) => rowValues(PROJECT_COLUMNS, r))),
        indicators: all.flatMap((d) =>
          indicatorRows(d.summary, d.doc, d.view).map((r) => rowValues(INDICATOR_COLUMNS, r)),
        ),
        findings: done.flatMap((d) => findingRows(d.summary, d.doc).map((r) => rowValues(FINDING_COLUMNS, r))),
        trends: trends ? trends.map((r) => rowValues(TREND_COLUMNS, r)) : null,
      });
      return xlsxBytes(sheets, { creator: "jixiao", date: WORKBOOK_DATE });
    }
  }
}
