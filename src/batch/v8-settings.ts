import { availableParallelism } from "node:os";

/**
 * V8 settings of a batch of two or more workers (measured in docs/performance.md). V8 takes them only when Node
 * starts, not from a worker's execArgv, and changing them in a running process is unsafe (V8 aborted in a
 * collection when this process set `--single-threaded` before starting its workers), so such a batch starts
 * Node once more with them (src/cli/launch.ts). One document, or one worker, runs without them: V8's helper
 * threads then use the otherwise idle core. Run another way (the library, tests), nothing is restarted and the
 * workers still get their young generation (a resource limit).
 *
 * - `--single-threaded`: no background threads for garbage collection or compilation. A worker then uses
 *   exactly one core, so `--jobs N` means N cores; with V8's helper threads one worker kept 1.3 cores busy,
 *   and where every core runs a worker the helpers only competed with them.
 * - `--heap-growing-percent=30`: the old generation may grow to 1.3 × what survived the last full
 *   collection before the next one (V8's default allows up to 4× with a heap limit of 2 GB), so a worker's
 *   heap stays near what it holds and a long batch does not reach higher peaks than a short one.
 */
export const V8_FLAGS: readonly string[] = ["--single-threaded", "--heap-growing-percent=30"];

/** Set in a process started again with the V8 settings (src/cli/launch.ts), and so in its workers. */
export const RELAUNCHED = "JIXIAO_RELAUNCHED";

/**
 * Whether this process runs with the batch's V8 settings: given on Node's command line, or started again with
 * them (a worker thread's own execArgv never has them, so it knows only the second way).
 */
export function hasV8Flags(): boolean {
  return process.env[RELAUNCHED] === "1" || V8_FLAGS.every((flag) => process.execArgv.includes(flag));
}

/**
 * The young generation of each worker (V8's default is 48 MB here). mammoth leaves tens of megabytes of
 * short-lived objects per document; with room for them they die young instead of being promoted and marked.
 */
export const WORKER_YOUNG_GENERATION_MB = 96;

/** Node's own options of this process, less the V8 settings, which worker threads refuse. */
export function workerExecArgv(): string[] {
  return process.execArgv.filter((arg) => !V8_FLAGS.includes(arg));
}

/** The default number of workers: the machine's cores. */
export function defaultJobs(): number {
  return availableParallelism();
}
