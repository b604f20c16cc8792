import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import fg from "fast-glob";
import type { LabelConfig } from "../config/index.js";
import { DocumentSchema } from "../model/schema.js";
import { renderTrendsHtml } from "../trends/html.js";
import type { TrendsReport } from "../trends/schema.js";
import { buildTrends, type TrendDocumentInput, trendInput } from "../trends/trends.js";
import { mapLimit } from "./freshness.js";
import { TREND_FILES } from "./index-page.js";
import { MANIFEST } from "./manifest.js";
import { writeTrendsWorkbook } from "./outputs.js";
import { trendRows } from "./rows.js";
import { writeFileAtomic } from "./write.js";

/** The workbook `jixiao trends` writes: the 历年对比 sheet alone. */
export const TRENDS_XLSX = "trends.xlsx";

/** JSON files in an output folder that are not document JSON. */
const NOT_DOCUMENTS = new Set([MANIFEST, TREND_FILES.json]);

/** A JSON file that looked like a document JSON but did not validate, with why. */
export interface UnreadDocument {
  readonly path: string;
  readonly reason: string;
}

/** What `jixiao trends` did. */
export interface TrendsRun {
  readonly report: TrendsReport;
  readonly documents: number;
  readonly unread: readonly UnreadDocument[];
  readonly files: readonly string[];
}

/**
 * The document JSONs under the output folders of earlier runs (`jixiao …`, `extract`, `audit`), checked
 * against the schema. Other JSON (the manifest, trends.json) is passed over; a JSON that is not a document is
 * reported, never guessed at.
 */
async function loadDocuments(
  dirs: readonly string[],
): Promise<{ inputs: TrendDocumentInput[]; unread: UnreadDocument[]; count: number }> {
  const paths = (
    await Promise.all(
      dirs.map((dir) =>
        fg("**/*.json", { cwd: dir, onlyFiles: true, dot: false }).then((found) =>
          found.filter((p) => !NOT_DOCUMENTS.has(p)).map((p) => join(dir, p)),
        ),
      ),
    )
  ).flat();
  const unread: UnreadDocument[] = [];
  const loaded = await mapLimit([...new Set(paths.map((p) => resolve(p)))].sort(), 8, async (path) => {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      unread.push({ path, reason: `不是有效的 JSON (not valid JSON): ${(error as Error).message}` });
      return null;
    }
    const parsed = DocumentSchema.safeParse(data);
    if (!parsed.success) {
      unread.push({ path, reason: "不是本版本 jixiao 的文档 JSON (not a document JSON of this jixiao version)" });
      return null;
    }
    return parsed.data;
  });
  const docs = loaded.filter((d) => d !== null);
  return {
    inputs: docs.map(trendInput).filter((d): d is TrendDocumentInput => d !== null),
    unread,
    count: docs.length,
  };
}

/**
 * `jixiao trends <dir>…`: reads the document JSONs of one or more output folders (one per year, or one for
 * all), follows each department across the years and writes trends.json, trends.html and trends.xlsx (its
 * 历年对比 sheet) into `outDir`.
 */
export async function runTrends(dirs: readonly string[], outDir: string, config: LabelConfig): Promise<TrendsRun> {
  const { inputs, unread, count } = await loadDocuments(dirs);
  const report = buildTrends(inputs, config);
  await mkdir(outDir, { recursive: true });
  await writeFileAtomic(join(outDir, TREND_FILES.json), `${JSON.stringify(report, null, 2)}\n`);
  await writeFileAtomic(join(outDir, TREND_FILES.html), renderTrendsHtml(report));
  await writeTrendsWorkbook(join(outDir, TRENDS_XLSX), trendRows(report));
  return { report, documents: count, unread, files: [TREND_FILES.json, TREND_FILES.html, TRENDS_XLSX] };
}
