import { rm, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { batchOutputsFresh, batchOutputsKey, mapLimit, recordBatchOutputs } from "../../src/batch/freshness.js";
import { BATCH_FILES } from "../../src/batch/index-page.js";
import type { DocumentSummary } from "../../src/batch/types.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

function summary(source: string): DocumentSummary {
  return {
    source,
    sha256: "0".repeat(64),
    status: "ok",
    error: null,
    department: null,
    projects: 1,
    indicators: 2,
    findings: { error: 0, warning: 1, info: 0 },
    warnings: 0,
    unchecked: [],
    completeness: "complete",
    completenessReasons: [],
    outputs: { json: `${source}.json`, markdown: `${source}.report.md`, html: `${source}.report.html` },
  };
}

describe("batch outputs left as they are on an unchanged rerun", () => {
  let dir: string;
  const summaries = [summary("a.docx"), summary("b.docx")];

  beforeEach(async () => {
    dir = await temp("jixiao-fresh-");
    for (const s of summaries) await writeFile(join(dir, s.outputs!.json), `{"source":"${s.source}"}\n`);
    for (const name of Object.values(BATCH_FILES)) await writeFile(join(dir, name), name);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("are fresh for the same summaries, the same JSON files and untouched batch files", async () => {
    const key = await batchOutputsKey(dir, summaries);
    const record = await recordBatchOutputs(dir, key);
    expect(Object.keys(record.files).sort()).toEqual(Object.values(BATCH_FILES).sort());
    expect(await batchOutputsKey(dir, summaries)).toBe(key);
    expect(await batchOutputsFresh(dir, record, key)).toBe(true);
  });

  it("are rebuilt when there is no record, or the summaries differ", async () => {
    const key = await batchOutputsKey(dir, summaries);
    const record = await recordBatchOutputs(dir, key);
    expect(await batchOutputsFresh(dir, undefined, key)).toBe(false);
    const changed = [summaries[0]!, { ...summaries[1]!, indicators: 3 }];
    expect(await batchOutputsKey(dir, changed)).not.toBe(key);
    expect(await batchOutputsFresh(dir, record, await batchOutputsKey(dir, changed))).toBe(false);
    expect(await batchOutputsKey(dir, [...summaries].reverse())).not.toBe(key);
  });

  it("are rebuilt when a document's JSON was edited or replaced since", async () => {
    const key = await batchOutputsKey(dir, summaries);
    await writeFile(join(dir, "b.docx.json"), `{"source":"b.docx","edited":true}\n`);
    expect(await batchOutputsKey(dir, summaries)).not.toBe(key);
    const sameSize = await batchOutputsKey(dir, summaries);
    await utimes(join(dir, "b.docx.json"), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(await batchOutputsKey(dir, summaries)).not.toBe(sameSize);
    await rm(join(dir, "a.docx.json"));
    expect(await batchOutputsKey(dir, summaries)).not.toBe(sameSize);
  });

  it("are rebuilt when a batch file was deleted or changed", async () => {
    const key = await batchOutputsKey(dir, summaries);
    const record = await recordBatchOutputs(dir, key);
    await writeFile(join(dir, BATCH_FILES.index), "edited by hand");
    expect(await batchOutputsFresh(dir, record, key)).toBe(false);
    const again = await recordBatchOutputs(dir, key);
    await rm(join(dir, BATCH_FILES.xlsx));
    expect(await batchOutputsFresh(dir, again, key)).toBe(false);
  });
});

describe("mapLimit", () => {
  it("keeps the order of its input and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });
});
