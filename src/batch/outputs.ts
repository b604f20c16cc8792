import { createReadStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { PassThrough } from "node:stream";
import { defaultConfig, type LabelConfig } from "../config/index.js";
import type { JixiaoDocument } from "../model/schema.js";
import { buildReportView } from "../render/report.js";
import { renderTrendsHtml } from "../trends/html.js";
import { buildTrends, type TrendDocumentInput, trendInput } from "../trends/trends.js";
import { BATCH_FILES, renderIndexPage, TREND_FILES } from "./index-page.js";
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
  type Row,
  rowValues,
  TREND_COLUMNS,
  type TrendRow,
  trendRows,
} from "./rows.js";
import { csvStringifier, LineSink, TempFile } from "./sinks.js";
import type { DocumentSummary } from "./types.js";
import { batchSheets, SHEETS, sheetSpec, WORKBOOK_DATE } from "./workbook-layout.js";
import { writeFileAtomic } from "./write.js";
import { type SheetSpec, writeXlsx } from "./xlsx.js";

type SpilledSheet = "projects" | "indicators" | "findings";

/** Documents loaded ahead of the one being written. */
const LOAD_AHEAD = 4;

/**
 * The documents of the batch outputs while a run still produces them: each entry in the outputs' order as soon
 * as it and every one before it are known (the one pass starts at once), then all of them for the sheets and the
 * page written after the pass. An iteration that throws (the run was interrupted) leaves no output written.
 */
export interface StreamedEntries {
  readonly inOrder: AsyncIterable<DocumentSummary>;
  readonly all: () => readonly DocumentSummary[];
}

/** What the batch outputs depend on besides the documents. */
export interface BatchOutputOptions {
  /** The configuration whose `trends` section sets the year-over-year rules; the built-in one by default. */
  readonly config?: LabelConfig;
}

/**
 * Writes the batch-wide outputs into `outDir`: `batch.xlsx` (sheets 文档/项目/指标/问题), `indicators.csv`,
 * `findings.csv`, `documents.ndjson` and `index.html`. When the documents cover two or more years of one
 * department, also the year-over-year comparison: `trends.json`, `trends.html` and the 历年对比 sheet
 * (stale trends files of an earlier run are removed when there is nothing to compare any more).
 *
 * The entries are read in one pass: each document (or error record) is loaded once, its rows go to every output, and it is
 * dropped. Every file is written to `<name>.<random>.tmp` in `outDir` and renamed into place only when all of
 * them are complete, so a failure (including one thrown by `loadDocument`) leaves the previous outputs intact.
 * Memory does not grow with the batch: the CSV and NDJSON files are streamed, and the rows of the 项目, 指标 and
 * 问题 sheets are spilled to temporary files during the pass and streamed into the workbook one sheet at a
 * time (a zip holds one sheet after another, so sheets written side by side would be buffered whole).
 */
export async function writeBatchOutputs(
  outDir: string,
  entries: readonly DocumentSummary[] | StreamedEntries,
  loadDocument: (summary: DocumentSummary) => Promise<JixiaoDocument>,
  options: BatchOutputOptions = {},
): Promise<void> {
  const { inOrder, all }: StreamedEntries = Array.isArray(entries)
    ? { inOrder: fromArray(entries), all: () => entries }
    : (entries as StreamedEntries);
  await mkdir(outDir, { recursive: true });
  const temps: TempFile[] = [];
  const open = async (name: string): Promise<TempFile> => {
    const file = await TempFile.open(join(outDir, name));
    temps.push(file);
    return file;
  };
  try {
    const ndjson = new LineSink(await open(BATCH_FILES.ndjson), new PassThrough());
    const indicatorsCsv = new LineSink(await open(BATCH_FILES.indicatorsCsv), csvStringifier(INDICATOR_COLUMNS));
    const findingsCsv = new LineSink(await open(BATCH_FILES.findingsCsv), csvStringifier(FINDING_COLUMNS));
    const spills = {
      projects: new LineSink(await open(`${BATCH_FILES.xlsx}.projects`), new PassThrough()),
      indicators: new LineSink(await open(`${BATCH_FILES.xlsx}.indicators`), new PassThrough()),
      findings: new LineSink(await open(`${BATCH_FILES.xlsx}.findings`), new PassThrough()),
    } satisfies Record<SpilledSheet, LineSink>;
    /** What the year-over-year comparison needs of each document, kept through the pass (slim). */
    const trendDocuments: TrendDocumentInput[] = [];
    const spill = <C extends readonly string[]>(sink: LineSink, columns: C, row: Row<C>): Promise<void> =>
      sink.write(`${JSON.stringify(rowValues(columns, row))}\n`);

    // Error records are documents too (one NDJSON line each); only an input with no outputs at all is skipped.
    for await (const { summary, doc } of loadAhead(withOutputs(inOrder), loadDocument)) {
      await ndjson.write(`${JSON.stringify(doc)}\n`);
      const trendDocument = trendInput(doc);
      if (trendDocument) trendDocuments.push(trendDocument);
      const view = buildReportView(doc);
      for (const row of projectRows(summary, doc, view)) await spill(spills.projects, PROJECT_COLUMNS, row);
      for (const row of indicatorRows(summary, doc, view)) {
        await indicatorsCsv.write(row);
        await spill(spills.indicators, INDICATOR_COLUMNS, row);
      }
      for (const row of findingRows(summary, doc)) {
        await findingsCsv.write(row);
        await spill(spills.findings, FINDING_COLUMNS, row);
      }
    }
    const sinks = [ndjson, indicatorsCsv, findingsCsv, spills.projects, spills.indicators, spills.findings];
    await Promise.all(sinks.map((s) => s.end()));

    const trends = buildTrends(trendDocuments, options.config ?? defaultConfig());
    const hasTrends = trends.departments.length > 0;
    const xlsx = await open(BATCH_FILES.xlsx);
    await writeWorkbook(
      xlsx,
      all(),
      {
        projects: spills.projects.file.temp,
        indicators: spills.indicators.file.temp,
        findings: spills.findings.file.temp,
      },
      hasTrends ? trendRows(trends) : null,
    );

    await Promise.all([ndjson, indicatorsCsv, findingsCsv].map((s) => s.file.commit()));
    await xlsx.commit();
    if (hasTrends) {
      await writeFileAtomic(join(outDir, TREND_FILES.json), `${JSON.stringify(trends, null, 2)}\n`);
      await writeFileAtomic(join(outDir, TREND_FILES.html), renderTrendsHtml(trends));
    } else {
      await Promise.all(Object.values(TREND_FILES).map((name) => rm(join(outDir, name), { force: true })));
    }
    await writeFileAtomic(join(outDir, BATCH_FILES.index), renderIndexPage(all(), { trends: hasTrends }));
  } finally {
    await Promise.all(temps.map((t) => t.discard()));
  }
}

/** Writes `trends.xlsx`: the 历年对比 sheet alone (for `jixiao trends`, which has no batch workbook to add it to). */
export async function writeTrendsWorkbook(path: string, rows: readonly TrendRow[]): Promise<void> {
  const file = await TempFile.open(path);
  try {
    await streamWorkbook(file, [
      sheetSpec(
        SHEETS.trends,
        rows.map((row) => rowValues(TREND_COLUMNS, row)),
      ),
    ]);
    await file.commit();
  } finally {
    await file.discard();
  }
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** Error records are documents too; only an input with no outputs at all has nothing to load. */
async function* withOutputs(entries: AsyncIterable<DocumentSummary>): AsyncGenerator<DocumentSummary> {
  for await (const entry of entries) if (entry.outputs !== null) yield entry;
}

/**
 * The entries' documents in order, loading up to `LOAD_AHEAD` of them ahead of the one being written, so the
 * reads overlap the work. An entry not known yet is not waited for while the first one queued can be written.
 * A document that fails to load throws when its turn comes, as without read-ahead.
 */
async function* loadAhead(
  entries: AsyncIterable<DocumentSummary>,
  loadDocument: (summary: DocumentSummary) => Promise<JixiaoDocument>,
): AsyncGenerator<{ summary: DocumentSummary; doc: JixiaoDocument }> {
  const source = entries[Symbol.asyncIterator]();
  const queue: { summary: DocumentSummary; loading: Promise<JixiaoDocument> }[] = [];
  let next: Promise<IteratorResult<DocumentSummary>> | null = source.next();
  while (next !== null || queue.length > 0) {
    if (next !== null && queue.length < LOAD_AHEAD) {
      const head = queue[0]?.loading.then(
        () => null,
        () => null,
      );
      const got: IteratorResult<DocumentSummary> | null = head ? await Promise.race([next, head]) : await next;
      if (got !== null) {
        next = got.done ? null : source.next();
        if (!got.done) {
          const loading = loadDocument(got.value);
          loading.catch(() => undefined); // handled when awaited below; never an unhandled rejection meanwhile
          queue.push({ summary: got.value, loading });
        }
        continue;
      }
    }
    const { summary, loading } = queue.shift()!;
    yield { summary, doc: await loading };
  }
}

/**
 * Streams the workbook: 文档 from the summaries, the other sheets from their spill files, one after another,
 * and 历年对比 last when there are trends.
 */
async function writeWorkbook(
  file: TempFile,
  entries: readonly DocumentSummary[],
  spilled: Readonly<Record<SpilledSheet, string>>,
  trends: readonly TrendRow[] | null,
): Promise<void> {
  await streamWorkbook(
    file,
    batchSheets({
      documents: entries.map((e) => rowValues(DOCUMENT_COLUMNS, documentRow(e))),
      projects: readSpill(spilled.projects),
      indicators: readSpill(spilled.indicators),
      findings: readSpill(spilled.findings),
      trends: trends ? trends.map((row) => rowValues(TREND_COLUMNS, row)) : null,
    }),
  );
}

async function streamWorkbook(file: TempFile, sheets: readonly SheetSpec[]): Promise<void> {
  await Promise.race([writeXlsx(file.out, sheets, { creator: "jixiao", date: WORKBOOK_DATE }), file.failed]);
  await file.closed();
}

async function* readSpill(path: string): AsyncGenerator<Cell[]> {
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield JSON.parse(line) as Cell[];
}
