/**
 * The CLI's start: one Node process for one document and every other command; a batch that keeps two or more
 * workers busy starts Node once more with the batch's V8 settings (src/batch/v8-settings.ts). The built bin runs
 * its bundles with V8's code cache (src/batch/code-cache.ts). Real processes and threads: helper-thread CPU and
 * child processes are read from /proc (Linux).
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { V8_FLAGS, workerExecArgv } from "../src/batch/v8-settings.js";
import { busyWorkers, VALUE_OPTIONS } from "../src/cli/launch.js";
import { buildProgram } from "../src/cli/program.js";
import { FIXTURES } from "./helpers/fixtures.js";
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
  it("are not on the bin's #! line: one document runs in the first process, with V8's helper threads", async () => {
    const bin = await readFile(new URL("../src/cli/bin.ts", import.meta.url), "utf8");
    expect(bin.split("\n")[0]).toBe("#!/usr/bin/env node");
    const cli = await readFile(new URL("../src/cli/program.ts", import.meta.url), "utf8");
    expect(cli).not.toMatch(/node:child_process/u);
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

describe("which command lines start Node again with the V8 settings", () => {
  const cases = async () => {
    const dir = await temp("jixiao-busy-");
    const many = join(dir, "many");
    await mkdir(join(many, "sub"), { recursive: true });
    for (const name of ["a.docx", "sub/b.doc", "~$lock.docx", "notes.txt"]) await writeFile(join(many, name), "x");
    const one = join(dir, "one");
    await mkdir(one);
    await writeFile(join(one, "only.docx"), "x");
    const file = join(one, "only.docx");
    return { many, one, file, out: many };
  };

  it("counts the workers a batch keeps busy, from the arguments alone", async () => {
    const { many, one, file, out } = await cases();
    const table: [string[], number][] = [
      [[many], 2],
      [[many, "--jobs", "1"], 1],
      [[many, "-j1"], 1],
      [[many, "--jobs=3"], 2],
      [[many, "-q", "--force"], 2],
      [[one], 1],
      [[file, file], 2],
      [[file, "-o", out], 1], // the folder after -o is the output, not an input
      [[file, "--output", out, "--rules", "central-2021"], 1],
      [[`${many}/*.docx`], 2],
      [["extract", many], 2],
      [["extract", many, "--stdout"], 0],
      [["audit", many], 0], // audit without -o prints, in this process
      [["audit", many, "-o", join(many, "x")], 2],
      [["inspect", file], 0],
      [["trends", many], 0],
      [[many, "--version"], 0],
      [[many, "-h"], 0],
      [[], 0],
      [[join(many, "missing")], 0],
    ];
    expect(table.map(([argv]) => busyWorkers(argv, 2))).toEqual(table.map(([, n]) => n));
    expect(busyWorkers([many], 1)).toBe(1);
  });

  it("knows every option of the document commands that takes a value", () => {
    const program = buildProgram();
    const commands = [program, ...program.commands.filter((c) => ["extract", "audit"].includes(c.name()))];
    const valued = new Set(
      commands.flatMap((c) =>
        c.options.filter((o) => o.required || o.optional).flatMap((o) => [o.short, o.long].filter(Boolean) as string[]),
      ),
    );
    expect([...VALUE_OPTIONS].sort()).toEqual([...valued].sort());
  });
});

/** The child processes of `pid` with their command lines (Linux /proc). */
function children(pid: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" "));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

const BIN = new URL("../dist/bin/jixiao.js", import.meta.url).pathname;
const REFERENCE = join(FIXTURES, "yutian-commerce-2025.docx");

/** Runs the built bin as a user does (its #! line), and the command lines of its child processes meanwhile. */
async function runBin(args: readonly string[]): Promise<{ code: number | null; stderr: string; seen: string[] }> {
  const child = spawn(BIN, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const seen = new Set<string>();
  // A child between its fork and its exec still shows its parent's command line: that is not a second start.
  const own = new Set<string>();
  const watch = setInterval(() => {
    try {
      own.add(readFileSync(`/proc/${child.pid}/cmdline`, "utf8").split("\0").join(" "));
    } catch {
      // ended already
    }
    for (const line of children(child.pid!)) seen.add(line);
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearInterval(watch);
  return { code, stderr, seen: [...seen].filter((line) => !own.has(line)) };
}

describe("the built bin", () => {
  it("can carry the built-in configuration as JSON: nothing in it is lost on the way", async () => {
    const { defaultConfig } = await import("../src/config/index.js");
    const { LabelConfigSchema } = await import("../src/config/schema.js");
    const json = JSON.parse(JSON.stringify(defaultConfig()));
    expect(json).toEqual(defaultConfig());
    expect(LabelConfigSchema.parse(json)).toEqual(defaultConfig());
  });

  it("has been built, with a code cache V8 accepts for each bundle, under each set of flags", async () => {
    expect(existsSync(BIN), "npm run build first").toBe(true);
    const check = (flags: readonly string[], suffix: string) =>
      run(process.execPath, [
        ...flags,
        "-e",
        `const fs = require("node:fs"), vm = require("node:vm"), M = require("node:module");
for (const b of ${JSON.stringify(["cli.cjs", "worker.cjs"].map((f) => join(BIN, "..", f)))}) {
  const s = new vm.Script(M.wrap(fs.readFileSync(b, "utf8")), { filename: b, cachedData: fs.readFileSync(b + ${JSON.stringify(suffix)}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  process.stdout.write(String(s.cachedDataRejected) + " ");
}`,
      ]);
    expect((await check([], ".cache")).stdout).toBe("false false ");
    expect((await check(V8_FLAGS, ".batch.cache")).stdout).toBe("false false ");
  });

  it("reads a spreadsheet (exceljs, imported when needed) in its own thread and in a worker", {
    timeout: 120_000,
  }, async () => {
    const dir = await temp("jixiao-bin-xlsx-");
    const inputs = join(dir, "in");
    await mkdir(inputs);
    const workbook = join(FIXTURES, "spreadsheets", "zhongqi-niandu.xlsx");
    for (const name of ["a.xlsx", "b.xlsx"]) await copyFile(workbook, join(inputs, name));
    const { extractFile } = await import("../src/index.js");
    const { source: _s, ...expected } = JSON.parse(JSON.stringify(await extractFile(join(inputs, "a.xlsx"))));
    for (const [args, out] of [
      [["audit", join(inputs, "a.xlsx")], "one"],
      [[inputs, "--jobs", "1"], "batch"],
    ] as const) {
      const ran = await runBin([...args, "-o", join(dir, out), "-q"]);
      expect(ran.code, ran.stderr).toBe(0);
      const { source: _r, ...read } = JSON.parse(readFileSync(join(dir, out, "a.xlsx.json"), "utf8"));
      expect(read).toEqual(expected);
    }
  });

  it.runIf(process.platform === "linux")(
    "reads one document in one process, and a batch of two workers in a second one with the V8 settings",
    { timeout: 120_000 },
    async () => {
      const dir = await temp("jixiao-bin-");
      const inputs = join(dir, "in");
      await mkdir(inputs);
      for (const name of ["a.docx", "b.docx", "c.docx"]) await copyFile(REFERENCE, join(inputs, name));

      const one = await runBin(["audit", join(inputs, "a.docx"), "-o", join(dir, "one"), "-q"]);
      expect(one.code, one.stderr).toBe(0);
      expect(one.seen.filter((line) => line.includes(BIN))).toEqual([]);

      const batch = await runBin([inputs, "-o", join(dir, "batch"), "--jobs", "2", "-q"]);
      expect(batch.code, batch.stderr).toBe(0);
      expect(batch.seen.filter((line) => line.includes(BIN))).toEqual([
        `${process.execPath} ${V8_FLAGS.join(" ")} ${BIN} ${inputs} -o ${join(dir, "batch")} --jobs 2 -q `,
      ]);

      // The bundles read as the source does: the same document, whichever path made it.
      const json = (out: string) => JSON.parse(readFileSync(join(dir, out, "a.docx.json"), "utf8"));
      const { extractFile } = await import("../src/index.js");
      const fromSource = JSON.parse(JSON.stringify(await extractFile(join(inputs, "a.docx"))));
      for (const out of ["one", "batch"]) {
        const { source: _a, ...read } = json(out);
        const { source: _b, ...expected } = fromSource;
        expect(read).toEqual(expected);
      }
    },
  );
});
