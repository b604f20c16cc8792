import { access, readFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import type { LabelConfig } from "../config/index.js";
import { DocumentSchema, type JixiaoDocument } from "../model/schema.js";
import { DEFAULT_MAX_UNZIPPED } from "../read/classify.js";
import type { Format } from "../render/index.js";
import { errorDocument, sha256 } from "../source.js";
import { annotatedPath, type DocumentTask, summarise } from "./document-files.js";
import { batchOutputsFresh, batchOutputsKey, FILE_CONCURRENCY, mapLimit, recordBatchOutputs } from "./freshness.js";
import { InOrder } from "./in-order.js";
import { expandInputs, type InputFile, type SkippedInput } from "./inputs.js";
import {
  journal,
  loadManifest,
  type Manifest,
  type ManifestEntry,
  saveManifest,
  settingsKey,
  summaryOf,
} from "./manifest.js";
import { type PoolOptions, startPool, type WorkerPool } from "./pool.js";
import { inShard, type Shard } from "./shard.js";
import { compareSource, type DocumentSummary } from "./types.js";
import { defaultJobs } from "./v8-settings.js";
import { removeStaleTemps } from "./write.js";

/** What a batch run is asked to do. */
export interface BatchOptions {
  readonly inputs: readonly string[];
  /** The inputs already expanded (the CLI validates them before anything is written); expanded here otherwise. */
  readonly expanded?: Awaited<ReturnType<typeof expandInputs>>;
  readonly outDir: string;
  readonly config: LabelConfig;
  /** The tool's version: part of the manifest key, so a new version redoes everything. */
  readonly version: string;
  readonly formats: readonly Format[];
  /** Keep a manifest and skip unchanged inputs; write the batch outputs (index.html, batch.xlsx, …). */
  readonly incremental: boolean;
  readonly force?: boolean;
  readonly jobs?: number;
  readonly timeoutMs?: number;
  readonly shard?: Shard | null;
  /** Refuse a .docx declaring more than this many bytes uncompressed (default 200 MB). */
  readonly maxUnzippedBytes?: number;
  /** The budget year of every input (`--year`); by default each document's own. */
  readonly year?: number | null;
  /** Also write `<name>.批注.docx` per document, with a Word comment on every error and warning. */
  readonly annotate?: boolean;
  /** The comments' date (ISO 8601); none by default. */
  readonly annotateDate?: string | null;
  /** Called once the work is known, then after every finished document. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Asked before each new document: true stops the run after the documents in flight (Ctrl-C). */
  readonly shouldStop?: () => boolean;
}

/** How a batch run ended. */
export interface BatchResult {
  /** One per input of this run (this shard), sorted by source name. */
  readonly summaries: readonly DocumentSummary[];
  /** Documents processed in this run (the others were unchanged since the manifest). */
  readonly processed: number;
  readonly skipped: readonly SkippedInput[];
  readonly missing: readonly string[];
  readonly interrupted: boolean;
}

interface PlannedInput extends InputFile {
  readonly absolute: string;
  readonly sha256: string;
}

/** Two inputs with one name would overwrite each other's outputs: the later ones fail with a reason. */
function duplicateNames(files: readonly InputFile[]): { unique: InputFile[]; duplicates: InputFile[] } {
  const seen = new Set<string>();
  const unique: InputFile[] = [];
  const duplicates: InputFile[] = [];
  for (const file of files) {
    if (seen.has(file.outputStem)) duplicates.push(file);
    else {
      seen.add(file.outputStem);
      unique.push(file);
    }
  }
  return { unique, duplicates };
}

async function outputsExist(outDir: string, entry: ManifestEntry, annotate: boolean): Promise<boolean> {
  if (entry.outputs === null) return true;
  const paths = [entry.outputs.json, entry.outputs.markdown, entry.outputs.html];
  if (annotate && entry.status === "ok") paths.push(annotatedPath(entry.source));
  const found = await Promise.all(
    paths.map((p) =>
      access(join(outDir, p)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.every(Boolean);
}

/** An unchanged input whose earlier result still stands (timeouts and interrupted conversions are retried: they say nothing of the file). */
async function reusable(
  entry: ManifestEntry | undefined,
  input: PlannedInput,
  options: BatchOptions,
): Promise<boolean> {
  if (
    !entry ||
    options.force ||
    entry.sha256 !== input.sha256 ||
    entry.status === "timeout" ||
    entry.error?.code === "conversion-interrupted"
  )
    return false;
  return outputsExist(options.outDir, entry, options.annotate ?? false);
}

/**
 * Reads a per-document JSON back for the batch outputs, checked against the schema: it may have been edited or
 * damaged since it was written. `validate: false` is for a JSON this very run wrote (the document was validated
 * when it was made), where the check would only cost time.
 */
export async function loadDocumentJson(
  outDir: string,
  summary: DocumentSummary,
  { validate = true } = {},
): Promise<JixiaoDocument> {
  const data: unknown = JSON.parse(await readFile(join(outDir, summary.outputs!.json), "utf8"));
  return validate ? DocumentSchema.parse(data) : (data as JixiaoDocument);
}

/**
 * Writes the manifest and, unless the run was interrupted, the batch outputs from all results. The results are
 * saved first, so a failure while writing the outputs loses none of them. Outputs built from exactly these
 * summaries and JSON files, and untouched since, are left as they are: rebuilding them would give the same
 * content (an unchanged rerun of a large batch then costs little more than hashing its inputs). `streamed`: the
 * outputs already being written alongside the workers (`streamOutputs`), which are awaited instead.
 */
async function saveResults(
  outDir: string,
  manifest: Manifest,
  results: ReadonlyMap<string, ManifestEntry>,
  summaries: readonly DocumentSummary[],
  written: ReadonlySet<string>,
  interrupted: boolean,
  config: LabelConfig,
  streamed: Promise<void> | null,
): Promise<void> {
  const { batchOutputs: previous, ...rest } = manifest;
  // Inputs named like another one (keyed with a NUL) have a row in the batch outputs but no manifest entry.
  const next: Manifest = {
    ...rest,
    entries: Object.fromEntries([...results].filter(([key]) => !key.includes("\u0000"))),
  };
  if (interrupted) return saveManifest(outDir, next);
  // The trend rules' settings shape trends.json and the 历年对比 sheet: a change to them rebuilds the outputs.
  const key = await batchOutputsKey(outDir, summaries, JSON.stringify(config.trends));
  if (streamed === null && (await batchOutputsFresh(outDir, previous, key)))
    return saveManifest(outDir, { ...next, batchOutputs: previous! });
  await saveManifest(outDir, next);
  if (streamed) await streamed;
  else {
    const { writeBatchOutputs } = await import("./outputs.js");
    await writeBatchOutputs(
      outDir,
      summaries,
      (s) => loadDocumentJson(outDir, s, { validate: !written.has(s.source) }),
      { config },
    );
  }
  await saveManifest(outDir, { ...next, batchOutputs: await recordBatchOutputs(outDir, key) });
}

/**
 * The batch outputs written alongside the workers, for a run that processes every input: their one pass takes
 * each result in the outputs' order as it lands, so what is left after the last document is the workbook and
 * the page. `feed.fail` (the run stopped short) leaves no output written.
 */
function streamOutputs(
  outDir: string,
  tasks: readonly DocumentTask[],
  results: ReadonlyMap<string, ManifestEntry>,
  config: LabelConfig,
): { feed: InOrder<DocumentSummary>; writing: Promise<void> } {
  const feed = new InOrder<DocumentSummary>([...tasks].sort(compareSource).map((task) => task.source));
  // Once the pass has taken the last result, `results` holds them all.
  const all = () => [...results.values()].map(summaryOf).sort(compareSource);
  const writing = import("./outputs.js").then(({ writeBatchOutputs }) =>
    writeBatchOutputs(outDir, { inOrder: feed, all }, (s) => loadDocumentJson(outDir, s, { validate: false }), {
      config,
    }),
  );
  writing.catch(() => undefined); // awaited once the documents are done; never an unhandled rejection meanwhile
  return { feed, writing };
}

/**
 * Processes one document in this thread: for a run with one document to process, a worker's start (a thread,
 * and the pipeline loaded a second time) would cost more than the document. The pipeline is loaded here only
 * then. Without a worker to stop, `--timeout` bounds the LibreOffice conversion (a child process) but not the
 * pipeline itself.
 */
async function processHere(
  task: DocumentTask,
  onResult: (summary: DocumentSummary, task: DocumentTask) => Promise<void>,
): Promise<void> {
  const { processDocument } = await import("./process.js");
  await onResult(await processDocument(task), task);
}

/**
 * Runs a batch: expands the inputs, keeps this shard's part, skips what the manifest shows unchanged,
 * processes the rest on the worker pool, or in this thread when only one is left (journaling each result as it
 * lands), then writes the manifest
 * and the batch outputs from all results of this run's inputs.
 */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const expanded = options.expanded ?? (await expandInputs(options.inputs));
  const shard = options.shard ?? null;
  const { unique, duplicates } = duplicateNames(
    expanded.files.filter((f) => shard === null || inShard(f.outputStem, shard)),
  );
  const settings = settingsKey(options.config, options.year ?? null);
  const manifest: Manifest | null = options.incremental
    ? await loadManifest(options.outDir, options.version, settings)
    : null;
  // Every input of a first run (or of --force) is processed: its workers start now and load the pipeline while
  // this thread hashes the inputs. A rerun waits for the hashes, which may show nothing to do.
  const poolOptions: PoolOptions = {
    ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  const processesAll = manifest === null || options.force === true || Object.keys(manifest.entries).length === 0;
  let pool: WorkerPool | null = processesAll && unique.length > 1 ? startPool(poolOptions, unique.length) : null;
  let streamed: ReturnType<typeof streamOutputs> | null = null;
  let closing: Promise<void> | undefined;
  try {
    // A few files at a time: reading them all at once would hold the whole batch in memory.
    const planned: PlannedInput[] = await mapLimit(unique, FILE_CONCURRENCY, async (file) => ({
      ...file,
      absolute: isAbsolute(file.path) ? file.path : resolve(file.path),
      sha256: sha256(await readFile(file.path).catch(() => Buffer.alloc(0))),
    }));
    if (manifest) await removeStaleTemps(options.outDir);
    const results = new Map<string, ManifestEntry>();
    const todo: PlannedInput[] = [];
    const reuse = await mapLimit(planned, FILE_CONCURRENCY, (input) =>
      reusable(manifest?.entries[input.outputStem], input, options),
    );
    planned.forEach((input, i) => {
      const entry = manifest?.entries[input.outputStem];
      if (reuse[i] && entry) results.set(input.outputStem, { ...entry, path: input.absolute });
      else todo.push(input);
    });
    for (const file of duplicates) {
      // Its outputs would overwrite the first one's, so it gets none: only a row in the batch outputs.
      const message = `与另一个输入同名，输出会互相覆盖；请改为传入其所在目录 (another input has the same name ${file.outputStem})`;
      const summary = summarise(
        errorDocument({ path: file.outputStem, sha256: "", format: null }, "duplicate-name", message),
        file.outputStem,
        null,
      );
      results.set(`${file.outputStem}\u0000${file.path}`, { ...summary, path: file.path });
    }

    let done = 0;
    /** Sources whose outputs this run wrote. */
    const written = new Set<string>();
    options.onProgress?.(0, todo.length);
    const byStem = new Map(todo.map((t) => [t.outputStem, t]));
    const tasks: DocumentTask[] = todo.map((input) => ({
      path: input.absolute,
      source: input.outputStem,
      sha256: input.sha256,
      outDir: options.outDir,
      formats: options.formats,
      config: options.config,
      maxUnzippedBytes: options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED,
      conversionTimeoutMs: Math.max(1_000, (options.timeoutMs ?? 60_000) * 0.8),
      year: options.year ?? null,
      annotate: options.annotate ?? false,
      annotateDate: options.annotateDate ?? null,
    }));
    // Every input is processed in this run (none reused, no duplicate names) and the workers leave a core idle
    // (`--jobs 1` on two cores): the outputs are written meanwhile, on that core. Where every core runs a worker,
    // the pass would only take time from them and add its memory to theirs at the peak, so it waits for them.
    const cores = defaultJobs();
    streamed =
      manifest && tasks.length > 1 && results.size === 0 && Math.min(options.jobs ?? cores, tasks.length) < cores
        ? streamOutputs(options.outDir, tasks, results, options.config)
        : null;
    const onResult = async (summary: DocumentSummary, task: DocumentTask): Promise<void> => {
      const input = byStem.get(task.source)!;
      const entry: ManifestEntry = { ...summary, sha256: input.sha256, path: input.absolute };
      results.set(task.source, entry);
      written.add(task.source);
      streamed?.feed.add(task.source, summaryOf(entry));
      if (manifest) await journal(options.outDir, entry, settings);
      options.onProgress?.(++done, todo.length);
    };
    if (pool === null && tasks.length === 1) await processHere(tasks[0]!, onResult);
    else if (tasks.length > 0) {
      pool ??= startPool(poolOptions, tasks.length);
      // This thread waits for the workers: it loads the batch outputs' code meanwhile (imported again, and then
      // at once, when they are written).
      if (manifest && !streamed) void import("./outputs.js").catch(() => {});
      await pool.run(tasks, onResult, options.shouldStop);
    }
    // Beside a streamed pass the workers stop (about a tenth of a second) while the last outputs are written;
    // otherwise first, so that their memory is gone before the pass.
    closing = pool?.close();
    pool = null;
    if (!streamed) await closing;
    const interrupted = done < todo.length;
    const summaries = [...results.values()].map(summaryOf).sort(compareSource);
    if (manifest)
      await saveResults(
        options.outDir,
        manifest,
        results,
        summaries,
        written,
        interrupted,
        options.config,
        streamed?.writing ?? null,
      );
    return { summaries, processed: done, skipped: expanded.skipped, missing: expanded.missing, interrupted };
  } finally {
    await pool?.close();
    await closing;
    // A run interrupted or failed part-way: the outputs' pass stops, and its temporary files are removed.
    streamed?.feed.fail(new Error("the batch stopped"));
    await streamed?.writing.catch(() => undefined);
  }
}
