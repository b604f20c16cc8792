// Loaded through NODE_OPTIONS (`--import=…/bench/max-rss.mjs`) into the processes bench/run.ts times: when the process exits, it
// appends its peak resident set size and CPU time to the file named by JIXIAO_BENCH_RSS_FILE, one JSON line per
// process (a batch of two or more workers runs in a second Node process, which the first one waits for):
// `{ "maxRssKb": …, "userMs": …, "systemMs": … }` from process.resourceUsage() (getrusage of the whole process:
// ru_maxrss covers every thread, so the worker threads' heaps are included, and the CPU times add up all threads).
// The pool hands its execArgv on to its worker threads, so this module is loaded in them too; only the main
// thread reports.
import { appendFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.JIXIAO_BENCH_RSS_FILE;
if (isMainThread && file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    appendFileSync(
      file,
      `${JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 })}\n`,
    );
  });
}
