/**
 * `--shard i/n` + `merge` as a job runner uses them (README, "More than one machine"): four shards run as four
 * separate processes at once, each on its own output folder, then `jixiao merge` joins the folders. The merged
 * folder must hold what one unsharded run writes: every per-document file, the batch files and the manifest's
 * entries (less the fields that record when and where: the batch files' sizes and times, each input's path).
 */
import { copyFile, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ManifestSchema } from "../src/batch/manifest.js";
import { inShard } from "../src/batch/shard.js";
import { cli } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";
import { tempFolders } from "./helpers/temp.js";

const temp = tempFolders();
const SHARDS = 4;
/** Documents per shard: one shard of one document (processed in the CLI's own thread), the others on workers. */
const PER_SHARD = [1, 2, 2, 3];
const SOURCES = ["yutian-commerce-2025.docx", "yutian-commerce-2025.libreoffice.docx"];

/** Names whose shards hold PER_SHARD documents, picked by the same hash the CLI splits by. */
function shardedNames(): string[] {
  const names: string[] = [];
  const counts = PER_SHARD.map(() => 0);
  for (let i = 0; names.length < PER_SHARD.reduce((a, b) => a + b); i++) {
    const name = `单位${String(i).padStart(3, "0")}-${SOURCES[i % SOURCES.length]}`;
    const shard = PER_SHARD.findIndex((_, s) => inShard(name, { index: s + 1, count: SHARDS }));
    if (counts[shard]! < PER_SHARD[shard]!) {
      counts[shard]!++;
      names.push(name);
    }
  }
  return names;
}

/** Every file of an output folder but the manifest, by its path; batch.xlsx by the values of its sheets. */
async function folderContents(dir: string): Promise<Record<string, unknown>> {
  const files = (await readdir(dir, { recursive: true })).map(String).sort();
  const contents: Record<string, unknown> = {};
  for (const file of files) {
    if (file === "manifest.json" || !file.includes(".")) continue;
    if (file === "batch.xlsx") {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(dir, file));
      const sheets: Record<string, unknown[]> = {};
      workbook.eachSheet((sheet) => {
        sheets[sheet.name] = [];
        sheet.eachRow((row) => sheets[sheet.name]!.push(row.values));
      });
      contents[file] = sheets;
    } else contents[file] = await readFile(join(dir, file), "utf8");
  }
  return contents;
}

async function manifestEntries(dir: string) {
  const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")));
  return Object.values(manifest.entries).map(({ path: _path, ...entry }) => entry);
}

describe("four shards in four processes, merged", () => {
  it("give what one unsharded run gives", { timeout: 300_000 }, async () => {
    const input = await temp("jixiao-shard4-in-");
    const names = shardedNames();
    for (const [i, name] of names.entries())
      await copyFile(join(FIXTURES, SOURCES[i % SOURCES.length]!), join(input, name));
    const whole = await temp("jixiao-shard4-whole-");
    const parts = await Promise.all(Array.from({ length: SHARDS }, (_, i) => temp(`jixiao-shard4-part${i + 1}-`)));
    const merged = await temp("jixiao-shard4-merged-");

    const runs = await Promise.all([
      cli(input, "-o", whole, "-q", "--jobs", "1"),
      ...parts.map((dir, i) => cli(input, "-o", dir, "--shard", `${i + 1}/${SHARDS}`, "-q", "--jobs", "1")),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const counts = await Promise.all(parts.map(async (dir) => (await manifestEntries(dir)).length));
    expect(counts).toEqual(PER_SHARD);

    const merge = await cli("merge", ...parts, "-o", merged, "-q");
    expect(merge.code, merge.stderr).toBe(0);
    const [mergedContents, wholeContents] = await Promise.all([folderContents(merged), folderContents(whole)]);
    expect(Object.keys(mergedContents)).toEqual(Object.keys(wholeContents));
    expect(Object.keys(wholeContents).filter((f) => f.endsWith(".docx.json"))).toHaveLength(names.length);
    expect(mergedContents).toEqual(wholeContents);
    expect(await manifestEntries(merged)).toEqual(await manifestEntries(whole));
  });
});
