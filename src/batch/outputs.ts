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
  TREND_COLUMNS,
  type TrendRow,
  trendRows,
} from "./rows.js";
import { csvStringifier, LineSink, TempFile } from "./sinks.js";
import type { DocumentSummary } from "./types.js";
import { writeFileAtomic } from "./write.js";
import { type SheetSpec, writeXlsx } from "./xlsx.js";

/** The workbook's sheets, in tab order, with the columns each shares with its CSV. */
const SHEETS = {
  documents: { name: "文档", columns: DOCUMENT_COLUMNS },
  projects: { name: "项目", columns: PROJECT_COLUMNS },
  indicators: { name: "指标", columns: INDICATOR_COLUMNS },
  findings: { name: "问题", columns: FINDING_COLUMNS },
  trends: { name: "历年对比", columns: TREND_COLUMNS },
} as const;

type SpilledSheet = "projects" | "indicators" | "findings";

/** Column widths in characters (a 汉字 counts about two). */
const COLUMN_WIDTHS = {
  文件: 32,
  单位: 26,
  状态: 8,
  失败原因: 40,
  未核对原因: 36,
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
  规则: 24,
  规则编号: 30,
  类别: 8,
  严重程度: 10,
  说明: 60,
  第一部分指标: 26,
  第一部分指标值: 16,
  第一部分位置: 18,
  第二部分指标: 26,
  第二部分指标值: 16,
  第二部分位置: 20,
  变化: 16,
  上年度: 8,
  本年度: 8,
  原值: 16,
  新值: 16,
  上年度文件: 32,
  本年度文件: 32,
  读取: 8,
  需核对原因: 50,
} satisfies Record<ColumnName, number>;

/** Header notes (Excel comments) on the columns whose meaning a reader might misjudge. */
const COLUMN_NOTES: Partial<Record<ColumnName, string>> = {
  表格: "表格在文档中的序号，从 1 开始（JSON 的 at.table 从 0 开始）。",
  行: "单元格所在行，从 1 开始，与报告和“问题”表的“第 N 行”一致（JSON 的 at.row 从 0 开始）。",
  列: "单元格所在列，从 1 开始，与报告和“问题”表的“第 N 列”一致（JSON 的 at.col 从 0 开始）。",
  规则编号: "规则的英文编号，与 JSON 中 finding.rule 相同；可用于在配置中开关规则。",
  未核对原因: "文档已读取，但第一部分与第二部分未能相互核对的原因：没有问题不等于已核对。",
};

/** Columns shown with thousands separators and two decimals; the cells stay plain numbers. */
const AMOUNT_COLUMNS: ReadonlySet<ColumnName> = new Set([
  "预算数（元）",
  "财政资金（元）",
  "其他资金（元）",
  "第一部分金额（元）",
]);

/** The workbook's creation date, fixed so its content does not depend on when the batch ran. */
const WORKBOOK_DATE = new Date(0);

/** Documents loaded ahead of the one being written. */
const LOAD_AHEAD = 4;

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
  entries: readonly DocumentSummary[],
  loadDocument: (summary: DocumentSummary) => Promise<JixiaoDocument>,
  options: BatchOutputOptions = {},
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
    /** What the year-over-year comparison needs of each document, kept through the pass (slim). */
    const trendDocuments: TrendDocumentInput[] = [];
    const spill = <C extends readonly string[]>(sink: LineSink, columns: C, row: Row<C>): Promise<void> =>
      sink.write(`${JSON.stringify(rowValues(columns, row))}\n`);

    // Error records are documents too (one NDJSON line each); only an input with no outputs at all is skipped.
    for await (const { summary, doc } of loadAhead(
      entries.filter((s) => s.outputs !== null),
      loadDocument,
    )) {
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
      entries,
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
    await writeFileAtomic(join(outDir, BATCH_FILES.index), renderIndexPage(entries, { trends: hasTrends }));
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
  const documents = entries.map((e) => rowValues(DOCUMENT_COLUMNS, documentRow(e)));
  await streamWorkbook(file, [
    sheetSpec(SHEETS.documents, documents),
    sheetSpec(SHEETS.projects, readSpill(spilled.projects)),
    sheetSpec(SHEETS.indicators, readSpill(spilled.indicators)),
    sheetSpec(SHEETS.findings, readSpill(spilled.findings)),
    ...(trends
      ? [
          sheetSpec(
            SHEETS.trends,
            trends.map((row) => rowValues(TREND_COLUMNS, row)),
          ),
        ]
      : []),
  ]);
}

/** A sheet of the workbook: its columns' widths, formats and header notes from the layout tables above. */
function sheetSpec(
  { name, columns }: { readonly name: string; readonly columns: readonly ColumnName[] },
  rows: SheetSpec["rows"],
): SheetSpec {
  return {
    name,
    columns: columns.map((c) => ({
      header: c,
      width: COLUMN_WIDTHS[c],
      amount: AMOUNT_COLUMNS.has(c),
      note: COLUMN_NOTES[c] ?? null,
    })),
    rows,
  };
}

async function streamWorkbook(file: TempFile, sheets: readonly SheetSpec[]): Promise<void> {
  await Promise.race([writeXlsx(file.out, sheets, { creator: "jixiao", date: WORKBOOK_DATE }), file.failed]);
  await file.closed();
}

async function* readSpill(path: string): AsyncGenerator<Cell[]> {
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield JSON.parse(line) as Cell[];
}
