/**
 * The CLI's start: one Node process, which the bin's #! line starts with the batch's V8 settings
 * (src/batch/v8-settings.ts); nothing starts Node a second time. Real processes and threads: helper-thread CPU
 * is read from /proc (Linux).
 */
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { V8_FLAGS, workerExecArgv } from "../src/batch/v8-settings.js";
import { tempFolders } from "./helpers/temp.js";

const temp = tempFolders();
const run = promisify(execFile);

/**
 * CPU milliseconds of the threads of a process other than its main thread and one worker, while the worker
 * allocated short- and long-lived objects for about a second: the work of V8's helper threads (parallel
 * scavenges, concurrent marking and sweeping, background compilation) on the worker's behalf.
 */
async function helperCpuMs(nodeFlags: readonly string[]): Promise<{ helpers: number; worker: number }> {
  const dir = await temp("jixiao-v8-");
  // The worker's code is evaluated (CommonJS), so that no module loader's thread works while it runs.
  const workerCode = `const { parentPort } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const kept = [];
for (let i = 0; i < 3000000; i++) {
  const o = { i, s: "x" + i, a: [i, i + 1] };
  if (i % 10 === 0) kept.push(o);
  if (kept.length > 100000) kept.splice(0, 50000);
}
parentPort.postMessage(readFileSync("/proc/thread-self/stat", "utf8"));`;
  const main = join(dir, "main.mjs");
  await writeFile(
    main,
    `import { readdirSync, readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
const cpu = (stat) => { const f = stat.slice(stat.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const tid = (stat) => Number(stat.slice(0, stat.indexOf(" ")));
const others = (except) => {
  let sum = 0;
  for (const t of readdirSync("/proc/self/task")) {
    const stat = readFileSync("/proc/self/task/" + t + "/stat", "utf8");
    if (tid(stat) !== process.pid && tid(stat) !== except) sum += cpu(stat);
  }
  return sum;
};
const before = others(-1);
const w = new Worker(${JSON.stringify(workerCode)}, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
const workerStat = await new Promise((r) => w.once("message", r));
process.stdout.write(JSON.stringify({ helpers: others(tid(workerStat)) - before, worker: cpu(workerStat) }));
await w.terminate();`,
  );
  const { stdout } = await run(process.execPath, [...nodeFlags, main]);
  return JSON.parse(stdout) as { helpers: number; worker: number };
}

describe("V8 settings", () => {
  it("are the ones on the bin's #! line, and the CLI starts no second Node process", async () => {
    const main = await readFile(new URL("../src/cli/main.ts", import.meta.url), "utf8");
    expect(main.split("\n")[0]).toBe(`#!/usr/bin/env -S node ${V8_FLAGS.join(" ")}`);
    const cli = await readFile(new URL("../src/cli/program.ts", import.meta.url), "utf8");
    for (const source of [main, cli]) expect(source).not.toMatch(/node:child_process/u);
  });

  it("are not handed to worker threads, which refuse them", () => {
    expect(workerExecArgv().some((arg) => V8_FLAGS.includes(arg))).toBe(false);
  });

  it.runIf(process.platform === "linux")(
    "keep a worker on one core: V8's helper threads stay idle while it collects its garbage",
    { timeout: 60_000 },
    async () => {
      // Without them the same worker's garbage keeps helper threads busy (the measurement can see them)...
      const without = await helperCpuMs([]);
      expect(without.helpers).toBeGreaterThan(0.1 * without.worker);
      // ...and with them the worker does its own collections.
      const withFlags = await helperCpuMs(V8_FLAGS);
      expect(withFlags.helpers).toBeLessThan(0.05 * withFlags.worker + 30);
    },
  );
});
