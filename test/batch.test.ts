import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Manifest, ManifestSchema } from "../src/batch/manifest.js";
import { DocumentSchema, type JixiaoDocument } from "../src/model/schema.js";
import { cli } from "./helpers/cli.js";
import { canRead, FIXTURES, REFERENCE_FIXTURES } from "./helpers/fixtures.js";
import { tempFolders } from "./helpers/temp.js";

const temp = tempFolders();

const BATCH_FILES = ["index.html", "indicators.csv", "findings.csv", "documents.ndjson"] as const;
const fixtures = REFERENCE_FIXTURES.filter(canRead);

/** A folder holding the fixtures, a Word lock file and a text file, as users' folders do. */
async function inputFolder(): Promise<string> {
  const dir = await temp("jixiao-batch-in-");
  await mkdir(join(dir, "2025"));
  for (const f of fixtures) await copyFile(join(FIXTURES, f), join(dir, "2025", f));
  await writeFile(join(dir, "2025", "~$tian-commerce-2025.docx"), "lock");
  await writeFile(join(dir, "说明.txt"), "not a document");
  return dir;
}

async function readBatchFiles(out: string): Promise<Record<string, string>> {
  return Object.fromEntries(
    await Promise.all(BATCH_FILES.map(async (f) => [f, await readFile(join(out, f), "utf8")] as const)),
  );
}

async function readManifest(out: string): Promise<Manifest> {
  return ManifestSchema.parse(JSON.parse(await readFile(join(out, "manifest.json"), "utf8")));
}

/** The data of every sheet of batch.xlsx, read back with exceljs. */
async function readWorkbook(path: string): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

function documentsOf(ndjson: string): JixiaoDocument[] {
  return ndjson
    .trim()
    .split("\n")
    .map((line) => DocumentSchema.parse(JSON.parse(line)));
}

describe("the batch command", () => {
  let input: string;
  let out: string;
  let first: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    input = await inputFolder();
    out = await temp("jixiao-batch-out-");
    first = await cli(input, "-o", out, "--jobs", "2");
  }, 180_000);

  it("processes every document, skips the lock and text files with a note, and writes every output", async () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`${fixtures.length} 个文档（本次处理 ${fixtures.length}，未变化跳过 0）`);
    expect(first.stderr.match(/已跳过/g)).toHaveLength(2);
    const written = await readdir(join(out, "2025"));
    for (const f of fixtures)
      expect(written).toEqual(expect.arrayContaining([`${f}.json`, `${f}.report.md`, `${f}.report.html`]));
    expect(await readdir(out)).toEqual(expect.arrayContaining(["batch.xlsx", "manifest.json", ...BATCH_FILES]));
  });

  it("writes the same batch outputs when they are written alongside one worker (--jobs 1)", async () => {
    const alongside = await temp("jixiao-batch-out-");
    const run = await cli(input, "-o", alongside, "--jobs", "1");
    expect(run.code, run.stderr).toBe(0);
    expect(await readBatchFiles(alongside)).toEqual(await readBatchFiles(out));
    expect(await readWorkbook(join(alongside, "batch.xlsx"))).toEqual(await readWorkbook(join(out, "batch.xlsx")));
    expect((await readdir(alongside)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 180_000);

  it("gives batch.xlsx the same numbers of documents, projects, indicators and findings as the JSON", async () => {
    const docs = documentsOf(await readFile(join(out, "documents.ndjson"), "utf8"));
    expect(docs).toHaveLength(fixtures.length);
    expect(docs.every((d) => d.error === null)).toBe(true);
    const sheets = await readWorkbook(join(out, "batch.xlsx"));
    expect(Object.keys(sheets)).toEqual(["文档", "项目", "指标", "问题"]);
    const dataRows = (name: string) => sheets[name]!.length - 1;
    expect(dataRows("文档")).toBe(docs.length);
    expect(dataRows("项目")).toBe(docs.reduce((n, d) => n + d.projects.length, 0));
    expect(dataRows("指标")).toBe(
      docs.reduce((n, d) => n + d.projects.reduce((m, p) => m + p.indicators.length, 0), 0),
    );
    expect(dataRows("问题")).toBe(docs.reduce((n, d) => n + d.findings.length, 0));
    const header = sheets.项目![0] as string[];
    const budget = header.indexOf("预算数（元）");
    expect(typeof sheets.项目![1]![budget]).toBe("number");
  });

  it("processes nothing on an unchanged rerun and rewrites identical batch outputs", async () => {
    const before = await readBatchFiles(out);
    const workbookBefore = await readWorkbook(join(out, "batch.xlsx"));
    const rerun = await cli(input, "-o", out);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(`本次处理 0，未变化跳过 ${fixtures.length}`);
    expect(await readBatchFiles(out)).toEqual(before);
    expect(await readWorkbook(join(out, "batch.xlsx"))).toEqual(workbookBefore);
  }, 120_000);

  it("redoes exactly the one file that changed", async () => {
    const changed = join(input, "2025", "yutian-commerce-2025.docx");
    await copyFile(join(FIXTURES, "yutian-commerce-2025.libreoffice.docx"), changed);
    const rerun = await cli(input, "-o", out);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(`本次处理 1，未变化跳过 ${fixtures.length - 1}`);
    const manifest = await readManifest(out);
    expect(manifest.entries["2025/yutian-commerce-2025.docx"]?.sha256).toBe(
      manifest.entries["2025/yutian-commerce-2025.libreoffice.docx"]?.sha256,
    );
  }, 120_000);

  it("redoes every document when --year or the rule set changes, and reuses them when it is back", async () => {
    const byYear = await cli(input, "-o", out, "--year", "2024");
    expect(byYear.stderr).toContain(`本次处理 ${fixtures.length}，未变化跳过 0`);
    const byRules = await cli(input, "-o", out, "--year", "2024", "--rules", "central-2021");
    expect(byRules.stderr).toContain(`本次处理 ${fixtures.length}，未变化跳过 0`);
    const same = await cli(input, "-o", out, "--year", "2024", "--rules", "central-2021");
    expect(same.stderr).toContain(`本次处理 0，未变化跳过 ${fixtures.length}`);
    const back = await cli(input, "-o", out);
    expect(back.stderr).toContain(`本次处理 ${fixtures.length}，未变化跳过 0`);
  }, 300_000);

  it("gives the same outputs sharded in two and merged as unsharded", async () => {
    const whole = await temp("jixiao-whole-");
    const parts = [await temp("jixiao-shard1-"), await temp("jixiao-shard2-")];
    const merged = await temp("jixiao-merged-");
    expect((await cli(input, "-o", whole, "-q")).code).toBe(0);
    const shards = await Promise.all(parts.map((dir, i) => cli(input, "-o", dir, "--shard", `${i + 1}/2`, "-q")));
    expect(shards.map((s) => s.code)).toEqual([0, 0]);
    const counts = await Promise.all(parts.map(async (dir) => Object.keys((await readManifest(dir)).entries).length));
    expect(counts[0]! + counts[1]!).toBe(fixtures.length);
    expect((await cli("merge", ...parts, "-o", merged, "-q")).code).toBe(0);
    expect(await readBatchFiles(merged)).toEqual(await readBatchFiles(whole));
    const strip = (m: Manifest) => Object.values(m.entries).map(({ path: _path, ...rest }) => rest);
    expect(strip(await readManifest(merged))).toEqual(strip(await readManifest(whole)));
  }, 240_000);

  it("exits 1 when a file fails, lists it with its error, and still writes the rest", async () => {
    const dir = await temp("jixiao-batch-bad-");
    await copyFile(join(FIXTURES, "yutian-commerce-2025.docx"), join(dir, "good.docx"));
    await writeFile(join(dir, "broken.docx"), "PK\u0003\u0004 this is not really a zip");
    const target = await temp("jixiao-batch-bad-out-");
    const result = await cli(dir, "-o", target, "-q");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("broken.docx");
    const index = await readFile(join(target, "index.html"), "utf8");
    expect(index).toContain('data-status="failed"');
    const docs = documentsOf(await readFile(join(target, "documents.ndjson"), "utf8"));
    expect(docs.map((d) => [d.source.path, d.error?.code ?? null])).toEqual([
      ["broken.docx", "corrupt-zip"],
      ["good.docx", null],
    ]);
    const record = DocumentSchema.parse(JSON.parse(await readFile(join(target, "broken.docx.json"), "utf8")));
    expect(record.error?.message).toMatch(/已损坏或不完整/);
    expect(record.projects).toEqual([]);
  }, 120_000);

  it("exits 2 on a malformed --shard", async () => {
    expect((await cli(input, "-o", out, "--shard", "3/2")).code).toBe(2);
  });
});
