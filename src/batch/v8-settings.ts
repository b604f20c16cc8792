/**
 * V8 settings of a batch (measured in docs/performance.md). V8 takes them only when Node starts, not from a
 * worker's execArgv, and changing them in a running process is unsafe (V8 aborted in a collection when this
 * process set `--single-threaded` before starting its workers), so the `jixiao` bin passes them on its `#!`
 * line. Run another way (`node dist/bin/jixiao.js`, tsx), the CLI runs without them rather than start Node a
 * second time: the workers still get their young generation (a resource limit), but V8's helper threads and
 * its default heap growth.
 *
 * - `--single-threaded`: no background threads for garbage collection or compilation. A worker then uses
 *   exactly one core, so `--jobs N` means N cores; with V8's helper threads one worker kept 1.3 cores busy,
 *   and where every core runs a worker the helpers only competed with them.
 * - `--heap-growing-percent=30`: the old generation may grow to 1.3 × what survived the last full
 *   collection before the next one (V8's default allows up to 4× with a heap limit of 2 GB), so a worker's
 *   heap stays near what it holds and a long batch does not reach higher peaks than a short one.
 */
export const V8_FLAGS: readonly string[] = ["--single-threaded", "--heap-growing-percent=30"];

/**
 * The young generation of each worker (V8's default is 48 MB here). mammoth leaves tens of megabytes of
 * short-lived objects per document; with room for them they die young instead of being promoted and marked.
 */
export const WORKER_YOUNG_GENERATION_MB = 96;

/** Node's own options of this process, less the V8 settings, which worker threads refuse. */
export function workerExecArgv(): string[] {
  return process.execArgv.filter((arg) => !V8_FLAGS.includes(arg));
}
