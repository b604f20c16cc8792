import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DocumentSchema } from "../src/model/schema.js";
import { FIXTURES } from "./helpers/fixtures.js";
import { tempFolders } from "./helpers/temp.js";

const temp = tempFolders();

const run = promisify(execFile);
const MAIN = new URL("../src/cli/main.ts", import.meta.url).pathname;
// tsx by its own path: the child runs in an empty folder, where `--import tsx` would not resolve.
const TSX = new URL("../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
const reference = join(FIXTURES, "yutian-commerce-2025.docx");

/** The CLI run from an empty folder, so that anything it writes (an out/ folder) shows. */
async function auditIn(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; left: string[] }> {
  const cwd = await temp("jixiao-audit-print-");
  const done = await run(process.execPath, ["--import", TSX, MAIN, "audit", ...args], { cwd, maxBuffer: 64 << 20 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }));
  return { ...done, left: await readdir(cwd) };
}

describe("jixiao audit without -o: the terminal view", () => {
  it("prints the verdict and the findings grouped by project, worst first, and writes nothing", async () => {
    const { code, stdout, left } = await auditIn(reference);
    expect(code).toBe(0);
    expect(left).toEqual([]);
    const lines = stdout.split("\n");
    // 提示 10: the nine consistency items and the quality rule copied-indicator (生态效益增长率 ≥80% in two projects).
    expect(lines[1]).toBe("发现错误：错误 3 项、警告 17 项、提示 10 项");
    expect(lines).toContain("招商经费  错误 2 · 警告 8 · 提示 2");
    expect(stdout.indexOf("招商经费  错误")).toBeLessThan(stdout.indexOf("残疾人保障金  警告"));
    expect(stdout).toContain("  错误  指标值不一致  指标“税收增长率”的指标值不一致");
    expect(stdout).toContain("第一部分 ≥70%（第 16 段第 5 条）  ↔  第二部分 ≥20百分比（表 12 第 6 行第 5 列）");
    expect(stdout).not.toContain("\u001b["); // no colour when not on a terminal
    expect(stdout).not.toMatch(/indicator-[a-z-]+/u);
  }, 120_000);

  it("prints the JSON or the Markdown report with --format, and JSON with --stdout", async () => {
    const [json, md, stdout] = await Promise.all([
      auditIn(reference, "--format", "json"),
      auditIn(reference, "--format", "md"),
      auditIn(reference, "--stdout"),
    ]);
    expect(json.code).toBe(0);
    expect(DocumentSchema.parse(JSON.parse(json.stdout)).projects).toHaveLength(4);
    expect(md.stdout).toMatch(/^# 绩效目标审核报告：/u);
    expect(md.stdout).toContain("## 错误和警告（20 项）");
    expect(JSON.parse(stdout.stdout)).toEqual(JSON.parse(json.stdout));
    expect([json.left, md.left, stdout.left]).toEqual([[], [], []]);
  }, 180_000);

  it("refuses --format with -o (usage error, nothing written)", async () => {
    const { code, stderr, left } = await auditIn(reference, "--format", "md", "-o", "out");
    expect(code).toBe(2);
    expect(stderr).toContain("--format");
    expect(left).toEqual([]);
  }, 120_000);
});
