/**
 * The web page (dist/web/jixiao.html): files dropped or chosen are read and checked by Web Workers running the
 * core pipeline (worker.ts); the page keeps the results, shows the batch table (the CLI's index.html) and each
 * document's report (the CLI's HTML report), and builds every download in memory. Nothing leaves the machine: no
 * request is made at all.
 */
import { BATCH_FILES, renderIndexPage, TREND_FILES } from "../batch/index-page.js";
import { batchFileInMemory, type MemoryBatchFile } from "../batch/memory.js";
import { annotatedPath, outputPaths, summarise } from "../batch/summary.js";
import { compareSource, type DocumentSummary } from "../batch/types.js";
import type { JixiaoDocument } from "../model/schema.js";
import type { Envelope, FromWorker, SettingsFile, ToWorker } from "./protocol.js";

/** The worker's bundled source, inlined by scripts/build-web.mjs. */
declare const __WORKER_SOURCE__: string;

/** What automation reads once the page has processed every file (see issue 18). */
interface PageState {
  results: JixiaoDocument[];
  done: boolean;
  /** Milliseconds from the first file queued to the last result, for the last batch. */
  elapsedMs: number | null;
  /** Milliseconds each result took in its worker (read, pipeline, JSON and reports), in the order of `results`. */
  workerMs: number[];
}

declare global {
  interface Window {
    jixiao: PageState;
  }
}

/** One input of the page's batch. */
interface Entry {
  readonly id: number;
  /** Its name in the batch (the file's name; made unique within the batch). */
  readonly name: string;
  readonly file: File;
  result: Extract<FromWorker, { type: "document" }> | null;
  summary: DocumentSummary | null;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const entries: Entry[] = [];
let nextId = 1;
let started = 0;
let settings: { config: SettingsFile | null; rules: SettingsFile | null } = { config: null, rules: null };

window.jixiao = { results: [], done: false, elapsedMs: null, workerMs: [] };

// ---- Workers -----------------------------------------------------------------------------------------------------

interface Job {
  readonly message: ToWorker;
  readonly transfer: Transferable[];
  readonly resolve: (reply: FromWorker) => void;
}

/** A small pool of workers, each given one job at a time; settings go to every worker before any job. */
class Pool {
  private readonly url = URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: "text/javascript" }));
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly all: Worker[] = [];
  private readonly pending = new Map<number, (reply: FromWorker) => void>();
  private seq = 0;

  constructor(readonly size: number) {}

  /** Sends the settings to every worker; resolves with the first error, or null. */
  async configure(message: Extract<ToWorker, { type: "settings" }>): Promise<string | null> {
    this.grow();
    const replies = await Promise.all(this.all.map((w) => this.ask(w, message, [])));
    const failed = replies.find((r) => r.type === "settings" && r.error !== null);
    return failed?.type === "settings" ? failed.error : null;
  }

  run(message: ToWorker, transfer: Transferable[] = []): Promise<FromWorker> {
    this.grow();
    return new Promise((resolve) => {
      this.queue.push({ message, transfer, resolve });
      this.pump();
    });
  }

  private grow(): void {
    while (this.all.length < this.size) {
      const worker = new Worker(this.url);
      worker.onmessage = (event: MessageEvent<Envelope<FromWorker>>) => {
        const resolve = this.pending.get(event.data.seq);
        this.pending.delete(event.data.seq);
        resolve?.(event.data.body);
      };
      worker.onerror = (event) => showMessage(`后台处理出错 (worker error): ${event.message}`);
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  private ask(worker: Worker, message: ToWorker, transfer: Transferable[]): Promise<FromWorker> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      worker.postMessage({ seq, body: message } satisfies Envelope<ToWorker>, transfer);
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      void this.ask(worker, job.message, job.transfer).then((reply) => {
        this.idle.push(worker);
        job.resolve(reply);
        this.pump();
      });
    }
  }
}

const pool = new Pool(Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)));
let configured: Promise<string | null> = pool.configure({ type: "settings", ...settings });

// ---- Processing --------------------------------------------------------------------------------------------------

/** A name not yet used in the batch: `a.docx`, then `a (2).docx`, … */
function uniqueName(name: string): string {
  const taken = new Set(entries.map((e) => e.name));
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 2; ; n++) if (!taken.has(`${stem} (${n})${ext}`)) return `${stem} (${n})${ext}`;
}

async function addFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  if ((await configured) !== null) return; // the message about the settings is on screen
  hideMessage();
  if (entries.every((e) => e.result !== null)) {
    started = performance.now();
    window.jixiao.done = false;
  }
  const added = files.map((file) => {
    const entry: Entry = { id: nextId++, name: uniqueName(file.name), file, result: null, summary: null };
    entries.push(entry);
    return entry;
  });
  updateProgress();
  await Promise.all(added.map(processEntry));
}

async function processEntry(entry: Entry): Promise<void> {
  const bytes = await entry.file.arrayBuffer();
  const reply = await pool.run({ type: "document", id: entry.id, name: entry.name, bytes }, [bytes]);
  if (reply.type !== "document") return;
  entry.result = reply;
  entry.summary = summarise(reply.doc, entry.name, outputPaths(entry.name));
  updateProgress();
  if (entries.every((e) => e.result !== null)) await finish();
}

/** Re-reads every file with the settings now in force. */
async function reprocessAll(): Promise<void> {
  const all = [...entries];
  for (const e of all) {
    e.result = null;
    e.summary = null;
  }
  started = performance.now();
  window.jixiao.done = false;
  updateProgress();
  await Promise.all(all.map(processEntry));
}

/** The year-over-year comparison of the last finished batch (null: nothing to compare). */
let trends: Extract<FromWorker, { type: "trends" }>["trends"] = null;

async function finish(): Promise<void> {
  const done = sortedEntries();
  const elapsedMs = performance.now() - started;
  const reply = await pool.run({ type: "trends", docs: done.map((e) => e.result!.doc) });
  if (entries.some((e) => e.result === null)) return; // more files came meanwhile: their batch finishes later
  trends = reply.type === "trends" ? reply.trends : null;
  renderBatch(done);
  window.jixiao = {
    results: done.map((e) => e.result!.doc),
    done: true,
    elapsedMs,
    workerMs: done.map((e) => e.result!.ms),
  };
}

function sortedEntries(): Entry[] {
  return entries.filter((e) => e.result !== null).sort((a, b) => compareSource({ source: a.name }, { source: b.name }));
}

function updateProgress(): void {
  const done = entries.filter((e) => e.result !== null).length;
  const bar = $<HTMLProgressElement>("progress");
  bar.max = Math.max(1, entries.length);
  bar.value = done;
  $("progress-text").textContent =
    entries.length === 0 ? "尚未选择文件" : `已处理 ${done} / ${entries.length} 份${done < entries.length ? "…" : ""}`;
  $("progress-box").dataset.done = String(done);
  $("progress-box").dataset.total = String(entries.length);
}

// ---- Batch table and reports -------------------------------------------------------------------------------------

function renderBatch(done: readonly Entry[]): void {
  const frame = $<HTMLIFrameElement>("batch");
  frame.onload = () => {
    const inner = frame.contentDocument;
    if (!inner) return;
    inner.addEventListener("click", (event) => {
      const link = (event.target as Element).closest?.("a[href]");
      if (!link) return;
      event.preventDefault();
      const path = (link.getAttribute("href") ?? "").split("/").map(decodeURIComponent).join("/");
      const entry = done.find((e) => e.summary?.outputs?.html === path);
      if (entry) showReport(entry);
      else void downloadBatchFile(path);
    });
  };
  frame.srcdoc = renderIndexPage(
    done.map((e) => e.summary!),
    { trends: trends !== null },
  );
  $("batch-box").hidden = false;
}

let shown: Entry | null = null;

function showReport(entry: Entry): void {
  shown = entry;
  $("report-title").textContent = entry.name;
  $<HTMLIFrameElement>("report").srcdoc = entry.result!.html;
  $("report-box").hidden = false;
  $("annotate-status").textContent = "";
  $("report-box").scrollIntoView({ behavior: "smooth", block: "start" });
}

// ---- Downloads ---------------------------------------------------------------------------------------------------

function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name.split("/").pop() ?? name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const TYPES = {
  json: "application/json",
  ndjson: "application/x-ndjson",
  csv: "text/csv;charset=utf-8",
  html: "text/html;charset=utf-8",
  markdown: "text/markdown;charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

const BATCH_TYPES = {
  [BATCH_FILES.xlsx]: TYPES.xlsx,
  [BATCH_FILES.indicatorsCsv]: TYPES.csv,
  [BATCH_FILES.findingsCsv]: TYPES.csv,
  [BATCH_FILES.ndjson]: TYPES.ndjson,
} satisfies Record<MemoryBatchFile, string>;

/** Builds one of the batch files (or the trends files) from the results, as the CLI writes it. */
async function downloadBatchFile(name: string): Promise<void> {
  if (name === TREND_FILES.json || name === TREND_FILES.html) {
    if (trends)
      download(
        name,
        name === TREND_FILES.json ? trends.json : trends.html,
        TYPES[name === TREND_FILES.json ? "json" : "html"],
      );
    return;
  }
  if (!Object.hasOwn(BATCH_TYPES, name)) return showMessage(`网页版没有这个文件 (no such file here): ${name}`);
  const file = name as MemoryBatchFile;
  const done = sortedEntries().map((e) => ({ summary: e.summary!, doc: e.result!.doc }));
  const data = await batchFileInMemory(file, done, trends?.rows ?? null);
  download(file, data as BlobPart, BATCH_TYPES[file]);
}

async function downloadAnnotated(entry: Entry): Promise<void> {
  const status = $("annotate-status");
  status.textContent = "正在生成批注版…";
  const bytes = await entry.file.arrayBuffer();
  const reply = await pool.run({ type: "annotate", id: entry.id, name: entry.name, bytes }, [bytes]);
  if (reply.type !== "annotated") return;
  if (reply.docx) download(annotatedPath(entry.name), reply.docx as Uint8Array<ArrayBuffer>, TYPES.docx);
  status.textContent = reply.message ?? (reply.docx ? "" : "无法生成批注版。");
}

// ---- Settings ----------------------------------------------------------------------------------------------------

async function loadSettingsFile(kind: "config" | "rules", input: HTMLInputElement): Promise<void> {
  if (entries.some((e) => e.result === null)) {
    showMessage(
      "请等当前文件处理完成后再更换配置文件。 (Wait for the files being processed before changing the configuration.)",
    );
    input.value = "";
    return;
  }
  const file = input.files?.[0];
  const next = { ...settings, [kind]: file ? { name: file.name, text: await file.text() } : null };
  const status = $("settings-status");
  configured = pool.configure({ type: "settings", ...next });
  const error = await configured;
  if (error !== null) {
    status.textContent = `配置文件有误，未采用 (the file was not applied)：${error}`;
    status.className = "error";
    input.value = "";
    configured = pool.configure({ type: "settings", ...settings });
    await configured;
    return;
  }
  settings = next;
  const names = [settings.config?.name, settings.rules?.name].filter(Boolean).join("、");
  status.textContent = names ? `正在使用：${names}` : "正在使用内置配置";
  status.className = "";
  if (entries.length > 0) await reprocessAll();
}

// ---- Messages and wiring -----------------------------------------------------------------------------------------

function showMessage(text: string): void {
  const box = $("message");
  box.textContent = text;
  box.hidden = false;
}

function hideMessage(): void {
  $("message").hidden = true;
}

function wire(): void {
  const input = $<HTMLInputElement>("files");
  input.addEventListener("change", () => {
    void addFiles([...(input.files ?? [])]);
    input.value = "";
  });
  const zone = $("drop");
  // A file dropped anywhere on the page is taken, never opened by the browser in place of the page.
  window.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  window.addEventListener("dragleave", () => zone.classList.remove("over"));
  window.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    void addFiles([...(event.dataTransfer?.files ?? [])]);
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-download]"))
    button.addEventListener("click", () => void downloadBatchFile(button.dataset.download!));
  const per = (id: string, run: (e: Entry) => void) =>
    $(id).addEventListener("click", () => {
      if (shown) run(shown);
    });
  per("download-json", (e) => download(outputPaths(e.name).json, e.result!.json, TYPES.json));
  per("download-html", (e) => download(outputPaths(e.name).html, e.result!.html, TYPES.html));
  per("download-markdown", (e) => download(outputPaths(e.name).markdown, e.result!.markdown, TYPES.markdown));
  per("download-annotated", (e) => void downloadAnnotated(e));
  const configInput = $<HTMLInputElement>("config-file");
  configInput.addEventListener("change", () => void loadSettingsFile("config", configInput));
  const rulesInput = $<HTMLInputElement>("rules-file");
  rulesInput.addEventListener("change", () => void loadSettingsFile("rules", rulesInput));
  $("clear").addEventListener("click", () => {
    entries.length = 0;
    shown = null;
    trends = null;
    window.jixiao = { results: [], done: false, elapsedMs: null, workerMs: [] };
    $("batch-box").hidden = true;
    $("report-box").hidden = true;
    updateProgress();
  });
  updateProgress();
}

wire();
