import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Manifest, ManifestSchema } from "../src/batch/manifest.js";
import { DocumentSchema } from "../src/model/schema.js";
import { cli } from "./helpers/cli.js";
import { canRead, FIXTURES } from "./helpers/fixtures.js";
import { tempFolders } from "./helpers/temp.js";

/** Temporary folders of this file, removed when it is done. */
const temp = tempFolders();

const MAIN = new URL("../src/cli/main.ts", import.meta.url).pathname;
const COPIES = 12;
const JOURNAL = "manifest.journal.ndjson";
const BATCH_FILES = ["index.html", "indicators.csv", "findings.csv", "documents.ndjson"];

/** A folder of 12 copies of the two .docx fixtures under distinct names. */
async function inputFolder(): Promise<string> {
  const dir = await temp("jixiao-interrupt-in-");
  await mkdir(join(dir, "县区"));
  const sources = ["yutian-commerce-2025.docx", "yutian-commerce-2025.libreoffice.docx"];
  for (let i = 1; i <= COPIES; i++) {
    await copyFile(
      join(FIXTURES, sources[i % 2]!),
      join(dir, i % 3 === 0 ? "县区" : "", `部门${String(i).padStart(2, "0")}.docx`),
    );
  }
  return dir;
}

/**
 * Starts the batch CLI as a child process, one document at a time. `group`: in a process group of its
 * own, as a terminal runs it, so that a signal can reach it and its LibreOffice children together.
 */
function startBatch(
  input: string,
  out: string,
  { group = false, tmp }: { group?: boolean; tmp?: string } = {},
): { child: ChildProcess; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, input, "-o", out, "--jobs", "1", "-q"], {
    stdio: ["ignore", "ignore", "pipe"],
    detached: group,
    env: tmp === undefined ? process.env : { ...process.env, TMPDIR: tmp },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stderr,
  }));
  return { child, exit };
}

/** Waits until the journal has at least `lines` complete lines (or the run ends first). */
async function journalLines(out: string, lines: number, running: Promise<unknown>): Promise<number> {
  let ended = false;
  void running.then(() => (ended = true));
  for (;;) {
    const text = await readFile(join(out, JOURNAL), "utf8").catch(() => "");
    const count = text.split("\n").length - 1;
    if (count >= lines || ended) return count;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function readManifest(out: string): Promise<Manifest> {
  return ManifestSchema.parse(JSON.parse(await readFile(join(out, "manifest.json"), "utf8")));
}

/** Every file under a folder, relative to it, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** The per-document outputs (json, report.md, report.html) with their bytes. */
async function documentOutputs(out: string): Promise<Record<string, string>> {
  const files = (await listFiles(out)).filter(
    (f) => /\.(json|report\.md|report\.html)$/.test(f) && f !== "manifest.json",
  );
  return Object.fromEntries(
    await Promise.all(files.map(async (f) => [f, await readFile(join(out, f), "utf8")] as const)),
  );
}

const withoutPaths = (m: Manifest) =>
  Object.fromEntries(Object.entries(m.entries).map(([k, { path: _path, ...rest }]) => [k, rest]));

describe("an interrupted batch loses nothing finished and resumes", () => {
  let input: string;
  let reference: string;

  beforeAll(async () => {
    input = await inputFolder();
    reference = await temp("jixiao-interrupt-ref-");
    const run = await cli(input, "-o", reference, "--jobs", "1", "-q");
    expect(run.code, run.stderr).toBe(0);
  }, 180_000);

  /** The outputs of an interrupted-then-resumed run equal the uninterrupted run's. */
  async function expectSameAsReference(out: string, { killed }: { killed: boolean }): Promise<void> {
    expect(withoutPaths(await readManifest(out))).toEqual(withoutPaths(await readManifest(reference)));
    const outputs = await documentOutputs(out);
    expect(Object.keys(outputs)).toHaveLength(COPIES * 3);
    expect(outputs).toEqual(await documentOutputs(reference));
    for (const f of BATCH_FILES)
      expect(await readFile(join(out, f), "utf8"), f).toBe(await readFile(join(reference, f), "utf8"));
    // The journal is retired. A SIGKILL landing inside an atomic write leaves that write's temporary file
    // (never the output itself); a run that stopped by itself leaves none.
    expect(await listFiles(out)).not.toContain(JOURNAL);
    if (!killed) expect((await listFiles(out)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }

  it("after SIGKILL: the journaled documents are whole, and the rerun completes the rest", {
    timeout: 180_000,
  }, async () => {
    const out = await temp("jixiao-interrupt-kill-");
    const { child, exit } = startBatch(input, out);
    const journaled = await journalLines(out, 2, exit);
    child.kill("SIGKILL");
    const killed = await exit;
    expect(killed.signal, killed.stderr).toBe("SIGKILL");
    expect(journaled).toBeGreaterThanOrEqual(2);
    expect(journaled).toBeLessThan(COPIES);

    // Every journaled document's outputs exist and are valid; no batch outputs were written.
    const lines = (await readFile(join(out, JOURNAL), "utf8")).split("\n").filter((l) => l.endsWith("}"));
    for (const line of lines) {
      const entry = ManifestSchema.shape.entries.valueType.parse(JSON.parse(line));
      DocumentSchema.parse(JSON.parse(await readFile(join(out, entry.outputs!.json), "utf8")));
    }
    expect(await listFiles(out)).not.toContain("index.html");

    const rerun = await cli(input, "-o", out, "--jobs", "1");
    expect(rerun.code, rerun.stderr).toBe(0);
    const skipped = Number(/未变化跳过 (\d+)/.exec(rerun.stderr)?.[1]);
    expect(skipped).toBeGreaterThanOrEqual(lines.length);
    expect(rerun.stderr).toContain(`本次处理 ${COPIES - skipped}，`);
    await expectSameAsReference(out, { killed: true });
  });

  it("after SIGINT: exit 130 with a consistent manifest, and the rerun completes the rest", {
    timeout: 180_000,
  }, async () => {
    const out = await temp("jixiao-interrupt-int-");
    const { child, exit } = startBatch(input, out);
    await journalLines(out, 2, exit);
    child.kill("SIGINT");
    const stopped = await exit;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain("正在停止");

    // The manifest holds exactly the finished documents, each with its outputs; the journal is retired.
    const manifest = await readManifest(out);
    const entries = Object.values(manifest.entries);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.length).toBeLessThan(COPIES);
    const files = await listFiles(out);
    for (const entry of entries) {
      expect(entry.status).toBe("ok");
      for (const path of Object.values(entry.outputs!)) expect(files).toContain(path);
      DocumentSchema.parse(JSON.parse(await readFile(join(out, entry.outputs!.json), "utf8")));
    }
    expect(files.filter((f) => f.endsWith(".json") && f !== "manifest.json")).toHaveLength(entries.length);
    expect(files).not.toContain(JOURNAL);

    const rerun = await cli(input, "-o", out, "--jobs", "1");
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain(`本次处理 ${COPIES - entries.length}，未变化跳过 ${entries.length}`);
    await expectSameAsReference(out, { killed: false });
  });

  it.runIf(canRead("legacy.doc"))(
    "Ctrl-C during a LibreOffice conversion: exit 130, and the .doc is converted on the next run",
    { timeout: 180_000 },
    async () => {
      const dir = await temp("jixiao-interrupt-doc-");
      for (const name of ["旧版1.doc", "旧版2.doc"])
        await copyFile(join(FIXTURES, "yutian-commerce-2025.doc"), join(dir, name));
      const tmp = await temp("jixiao-interrupt-tmp-");
      const out = await temp("jixiao-interrupt-doc-out-");
      const { child, exit } = startBatch(dir, out, { group: true, tmp });
      // LibreOffice has started on the first file once its private profile appears.
      let ended = false;
      void exit.then(() => (ended = true));
      while (!ended && !(await readdir(tmp, { recursive: true })).some((f) => f.endsWith("profile")))
        await new Promise((r) => setTimeout(r, 25));
      process.kill(-child.pid!, "SIGINT"); // what Ctrl-C in a terminal does: the whole foreground group
      const stopped = await exit;
      expect(stopped.code, stopped.stderr).toBe(130);

      const rerun = await cli(dir, "-o", out, "--jobs", "1");
      expect(rerun.code, rerun.stderr).toBe(0);
      const manifest = await readManifest(out);
      expect(Object.values(manifest.entries).map((e) => [e.source, e.status, e.error?.code ?? null])).toEqual([
        ["旧版1.doc", "ok", null],
        ["旧版2.doc", "ok", null],
      ]);
    },
  );
});
