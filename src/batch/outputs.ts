import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { PassThrough, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type ExcelJS from "exceljs";
import type { JixiaoDocument } from "../model/schema.js";
import { buildReportView } from "../render/report.js";
import { BATCH_FILES, renderIndexPage } from "./index-page.js";
import {
  type Cell,
  type ColumnName,
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
} from "./rows.js";
import type { DocumentSummary } from "./types.js";
import { tempPath, writeFileAtomic } from "./write.js";

/** The workbook's sheets, in tab order, with the columns each shares with its CSV. */
const SHEETS = {
  documents: { name: "文档", columns: DOCUMENT_COLUMNS },
  projects: { name: "项目", columns: PROJECT_COLUMNS },
  indicators: { name: "指标", columns: INDICATOR_COLUMNS },
  findings: { name: "问题", columns: FINDING_COLUMNS },
} as const;

type SpilledSheet = "projects" | "indicators" | "findings";

/** Column widths in characters (a 汉字 counts about two). */
const COLUMN_WIDTHS = {
  文件: 32,
  单位: 26,
  状态: 8,
  错误: 40,
  项目数: 9,
  指标数: 9,
  错误数: 9,
  警告数: 9,
  提示数: 9,
  读取提示数: 12,
  项目编码: 24,
  项目名称: 26,
  "预算数（元）": 16,
  "财政资金（元）": 16,
  "其他资金（元）": 16,
  "第一部分金额（元）": 20,
  问题数: 9,
  位置: 22,
  一级指标: 12,
  二级指标: 16,
  三级指标: 30,
  绩效指标描述: 30,
  指标值: 16,
  运算符: 8,
  数值: 12,
  上限: 12,
  "定性/定量": 10,
  指标值确定依据: 24,
  表格: 7,
  行: 6,
  列: 6,
  规则: 30,
  严重程度: 10,
  说明: 60,
  第一部分指标: 26,
  第一部分指标值: 16,
  第一部分位置: 18,
  第二部分指标: 26,
  第二部分指标值: 16,
  第二部分位置: 20,
  读取: 8,
  需核对原因: 50,
} satisfies Record<ColumnName, number>;

/** Columns shown with thousands separators and two decimals; the cells stay plain numbers. */
const AMOUNT_COLUMNS: ReadonlySet<ColumnName> = new Set([
  "预算数（元）",
  "财政资金（元）",
  "其他资金（元）",
  "第一部分金额（元）",
]);

/** The workbook's creation date, fixed so its content does not depend on when the batch ran. */
const WORKBOOK_DATE = new Date(0);

/** Excel's limit on the length of a cell's text. */
const MAX_CELL_TEXT = 32_767;

/** Rows written to a sheet between checks of how far the zip is behind. */
const ROWS_PER_CHECK = 200;

/** How many bytes of a sheet's XML may wait for the zip before writing pauses. */
const ZIP_HIGH_WATER = 4 * 1024 * 1024;

/** Documents loaded ahead of the one being written. */
const LOAD_AHEAD = 4;

/** Bytes gathered before a streamed file is written to: one write per chunk rather than one per line. */
const WRITE_CHUNK = 64 * 1024;

/**
 * Writes the batch-wide outputs into `outDir`: `batch.xlsx` (sheets 文档/项目/指标/问题), `indicators.csv`,
 * `findings.csv`, `documents.ndjson` and `index.html`.
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
  entries: readonly DocumentSummary[],
  loadDocument: (summary: DocumentSummary) => Promise<JixiaoDocument>,
): Promise<void> {
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
    const spill = <C extends readonly string[]>(sink: LineSink, columns: C, row: Row<C>): Promise<void> =>
      sink.write(`${JSON.stringify(rowValues(columns, row))}\n`);

    // Error records are documents too (one NDJSON line each); only an input with no outputs at all is skipped.
    for await (const { summary, doc } of loadAhead(
      entries.filter((s) => s.outputs !== null),
      loadDocument,
    )) {
      await ndjson.write(`${JSON.stringify(doc)}\n`);
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

    const xlsx = await open(BATCH_FILES.xlsx);
    await writeWorkbook(xlsx, entries, {
      projects: spills.projects.file.temp,
      indicators: spills.indicators.file.temp,
      findings: spills.findings.file.temp,
    });

    await Promise.all([ndjson, indicatorsCsv, findingsCsv].map((s) => s.file.commit()));
    await xlsx.commit();
    await writeFileAtomic(join(outDir, BATCH_FILES.index), renderIndexPage(entries));
  } finally {
    await Promise.all(temps.map((t) => t.discard()));
  }
}

/**
 * The entries' documents in order, loading up to `LOAD_AHEAD` of them ahead of the one being written, so the
 * reads overlap the work. A document that fails to load throws when its turn comes, as without read-ahead.
 */
async function* loadAhead(
  entries: readonly DocumentSummary[],
  loadDocument: (summary: DocumentSummary) => Promise<JixiaoDocument>,
): AsyncGenerator<{ summary: DocumentSummary; doc: JixiaoDocument }> {
  const pending: Promise<JixiaoDocument>[] = [];
  const start = (i: number): void => {
    const loading = loadDocument(entries[i]!);
    loading.catch(() => undefined); // handled when awaited below; never an unhandled rejection meanwhile
    pending.push(loading);
  };
  for (let i = 0; i < entries.length; i++) {
    while (pending.length < LOAD_AHEAD && i + pending.length < entries.length) start(i + pending.length);
    yield { summary: entries[i]!, doc: await pending.shift()! };
  }
}

/** Streams the workbook: 文档 from the summaries, the other sheets from their spill files, one after another. */
async function writeWorkbook(
  file: TempFile,
  entries: readonly DocumentSummary[],
  spilled: Readonly<Record<SpilledSheet, string>>,
): Promise<void> {
  // Loaded here, not with this module: a run whose batch outputs are up to date never needs it.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: file.out, useStyles: true, useSharedStrings: false });
  workbook.creator = "jixiao";
  workbook.lastModifiedBy = "jixiao";
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  const documents = entries.map((e) => rowValues(DOCUMENT_COLUMNS, documentRow(e)));
  await writeSheet(workbook, file, SHEETS.documents, documents);
  await writeSheet(workbook, file, SHEETS.projects, readSpill(spilled.projects));
  await writeSheet(workbook, file, SHEETS.indicators, readSpill(spilled.indicators));
  await writeSheet(workbook, file, SHEETS.findings, readSpill(spilled.findings));
  await Promise.race([workbook.commit(), file.failed]);
  await file.closed();
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  file: TempFile,
  { name, columns }: { readonly name: string; readonly columns: readonly ColumnName[] },
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>,
): Promise<void> {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
  });
  sheet.columns = columns.map((c) => ({
    header: c,
    key: c,
    width: COLUMN_WIDTHS[c],
    ...(AMOUNT_COLUMNS.has(c) ? { style: { numFmt: "#,##0.00" } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  const styles = new SharedStyles();
  let last = 1;
  for await (const values of rows) {
    const row = sheet.addRow(values.map(clampText));
    styles.share(row);
    row.commit();
    last++;
    if (last % ROWS_PER_CHECK === 0) await zipCatchUp(sheet, file);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: columns.length } };
  sheet.commit();
}

/**
 * Waits while the zip is more than `ZIP_HIGH_WATER` bytes behind this sheet. exceljs's streaming writer ignores
 * backpressure: each sheet's XML is pushed into a PassThrough that archiver (which compresses one entry at a
 * time) reads at its own pace, so without this wait a large sheet would sit in memory whole. The PassThrough is
 * reached through exceljs and archiver internals; if their shape changes, the wait degrades to a yield.
 */
async function zipCatchUp(sheet: ExcelJS.Worksheet, file: TempFile): Promise<void> {
  const pause = (ms: number): Promise<void> =>
    Promise.race([new Promise<void>((resolve) => setTimeout(resolve, ms)), file.failed]);
  await pause(0);
  while (pendingZipBytes(sheet) > ZIP_HIGH_WATER) await pause(5);
}

/** The bytes of a sheet's XML handed to the zip but not yet compressed, or 0 when that cannot be seen. */
function pendingZipBytes(sheet: ExcelJS.Worksheet): number {
  // archiver's PassThrough comes from readable-stream 2/3, which lacks readableLength/writableLength.
  type State = { length?: unknown } | undefined;
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  if (!Array.isArray(pipes)) return 0;
  const size = (state: State): number => (typeof state?.length === "number" ? state.length : 0);
  return pipes.reduce<number>(
    (n, pipe: { _readableState?: State; _writableState?: State }) =>
      n + size(pipe._readableState) + size(pipe._writableState),
    0,
  );
}

/**
 * Gives the cells of a column one style object per cell type. exceljs gives every cell a fresh copy of its
 * column's style and, on commit, renders that copy to XML to find its style id again; it remembers the id of
 * a style object it has seen (a WeakMap keyed by the object), so shared objects skip the rendering. The id
 * also depends on the cell's type (a number without a format gets "General"), hence one object per type: the
 * ids, and so the workbook, are the same as without sharing.
 */
class SharedStyles {
  private readonly byColumnAndType = new Map<string, Partial<ExcelJS.Style>>();

  share(row: ExcelJS.Row): void {
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const key = `${col}:${cell.type}`;
      const shared = this.byColumnAndType.get(key);
      if (shared) cell.style = shared;
      else this.byColumnAndType.set(key, cell.style);
    });
  }
}

async function* readSpill(path: string): AsyncGenerator<Cell[]> {
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield JSON.parse(line) as Cell[];
}

function clampText(value: Cell): Cell {
  return typeof value === "string" && value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
}

/**
 * A CSV stringifier for rows keyed by `columns`: UTF-8 with a BOM (so Excel and WPS detect the encoding), a
 * header row, CRLF line ends, and text that a spreadsheet would run as a formula prefixed with `'`.
 */
function csvStringifier(columns: readonly ColumnName[]): Transform {
  return stringify({
    bom: true,
    header: true,
    columns: [...columns],
    record_delimiter: "windows",
    cast: { string: (value) => (/^[=+\-@\t\r]/u.test(value) ? `'${value}` : value) },
  });
}

/** A file written to `<path>.<random>.tmp` beside its destination, renamed onto it only by `commit`. */
class TempFile {
  /** Rejects when writing the file fails; never resolves. */
  readonly failed: Promise<never>;
  private committed = false;

  private constructor(
    readonly path: string,
    readonly temp: string,
    readonly out: WriteStream,
  ) {
    this.failed = new Promise<never>((_, reject) => out.once("error", reject));
    this.failed.catch(() => undefined);
  }

  static async open(path: string): Promise<TempFile> {
    const temp = tempPath(path);
    const file = new TempFile(path, temp, createWriteStream(temp));
    await Promise.race([once(file.out, "open"), file.failed]);
    return file;
  }

  /** Waits until the file's descriptor is closed (after its stream has finished). */
  async closed(): Promise<void> {
    if (!this.out.closed) await once(this.out, "close");
  }

  async commit(): Promise<void> {
    await this.closed();
    await rename(this.temp, this.path);
    this.committed = true;
  }

  /** Removes the temporary file unless it was committed. */
  async discard(): Promise<void> {
    if (this.committed) return;
    this.out.destroy();
    await rm(this.temp, { force: true });
  }
}

/** A stream of records (lines or CSV rows) into a temporary file, with backpressure. */
class LineSink {
  private readonly done: Promise<void>;

  constructor(
    readonly file: TempFile,
    private readonly source: Transform,
  ) {
    this.done = pipeline(source, new Coalesce(WRITE_CHUNK), file.out);
    this.done.catch(() => undefined);
  }

  async write(record: unknown): Promise<void> {
    if (!this.source.write(record)) await Promise.race([once(this.source, "drain"), this.done]);
  }

  async end(): Promise<void> {
    this.source.end();
    await this.done;
    await this.file.closed();
  }
}

/** Passes its bytes on in chunks of about `size` bytes (the rest at the end), unchanged. */
class Coalesce extends Transform {
  private chunks: Buffer[] = [];
  private length = 0;

  constructor(private readonly size: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.length >= this.size) this.flushChunks();
    done();
  }

  override _flush(done: TransformCallback): void {
    this.flushChunks();
    done();
  }

  private flushChunks(): void {
    if (this.length === 0) return;
    this.push(this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.length));
    this.chunks = [];
    this.length = 0;
  }
}
