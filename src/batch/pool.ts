import { Piscina } from "piscina";
import { errorDocument } from "../source.js";
import { type DocumentTask, TIMEOUT, writeDocument } from "./document-files.js";
import type { DocumentSummary } from "./types.js";
import { defaultJobs, WORKER_YOUNG_GENERATION_MB, workerExecArgv } from "./v8-settings.js";

/** Options of the worker pool. */
export interface PoolOptions {
  /** Worker threads; the number of cores by default. */
  readonly jobs?: number;
  /** Per-document time limit; the worker is stopped and replaced when it is exceeded. */
  readonly timeoutMs?: number;
  /** Heap limit of each worker, so one hostile document cannot take the machine's memory. */
  readonly maxHeapMb?: number;
}

// Under tsx (tests, development) this module is .ts and so is the worker; built, both are .js.
const WORKER = new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url).href;

/** A pool of worker threads, started before its tasks are known (see `startPool`). */
export interface WorkerPool {
  /**
   * Processes tasks, each document isolated in its worker. At most `jobs` tasks are in flight, so a task's
   * timeout counts from its start, not from when it was queued. Results arrive through `onResult` as they
   * finish; `shouldStop` is asked before each new task.
   */
  run(
    tasks: readonly DocumentTask[],
    onResult: (summary: DocumentSummary, task: DocumentTask) => void | Promise<void>,
    shouldStop?: () => boolean,
  ): Promise<void>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * Starts `min(jobs, expected)` worker threads now, so that they load the pipeline while this thread is still
 * planning the batch (hashing inputs, reading the manifest).
 */
export function startPool(options: PoolOptions, expected: number): WorkerPool {
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pool = new Piscina({
    filename: WORKER,
    minThreads: Math.max(1, Math.min(jobs, expected)),
    maxThreads: jobs,
    idleTimeout: 1_000,
    resourceLimits: {
      maxOldGenerationSizeMb: options.maxHeapMb ?? 2_048,
      maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
    },
    // Node 20 only passes the tsx loader on to workers when asked to.
    execArgv: workerExecArgv(),
  });
  // A worker that dies outside a task (it failed to start) must not take the main process with it; the
  // task it was given fails on its own and is recorded as worker-crashed below.
  pool.on("error", () => {});
  const run: WorkerPool["run"] = async (tasks, onResult, shouldStop = () => false) => {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < tasks.length && !shouldStop()) {
        const task = tasks[next++]!;
        const signal = AbortSignal.timeout(timeoutMs);
        let summary: DocumentSummary;
        try {
          summary = (await pool.run(task, { signal })) as DocumentSummary;
        } catch (error) {
          // The worker is gone, so its error record is written from here.
          const source = { path: task.source, sha256: task.sha256, format: null };
          const doc = signal.aborted
            ? errorDocument(source, TIMEOUT, `处理超过 ${Number((timeoutMs / 1000).toFixed(1))} 秒，已中止 (timed out)`)
            : errorDocument(source, "worker-crashed", `处理进程异常退出 (worker crashed): ${(error as Error).message}`);
          summary = await writeDocument(doc, task);
        }
        await onResult(summary, task);
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, lane));
  };
  return { run, close: () => pool.destroy() };
}
