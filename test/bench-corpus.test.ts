import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GeneratedDocument, writeReferenceStyleDocx } from "../bench/corpus.js";
import { extractFile } from "../src/api.js";
import type { JixiaoDocument } from "../src/model/schema.js";
import { tempFolders } from "./helpers/temp.js";

const temp = tempFolders();

// The benchmark's generated documents must stay readable in full by the pipeline, or its figures would measure a
// pipeline that gives up early. A small one is generated and read back here.
describe("bench/corpus.ts: a generated reference-style document", () => {
  let dir: string;
  let generated: GeneratedDocument;
  let doc: JixiaoDocument;

  beforeAll(async () => {
    dir = await temp("jixiao-bench-corpus-");
    const path = join(dir, "generated-3.docx");
    generated = await writeReferenceStyleDocx(path, { projects: 3, seed: 3 });
    doc = await extractFile(path);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads as 3 projects in both parts, with the department and no reading warning", () => {
    expect(doc.error).toBeNull();
    expect(doc.projects.map((p) => [p.code, p.name])).toEqual(generated.projects.map((p) => [p.code, p.name]));
    expect(doc.narrative?.projects.map((p) => p.name)).toEqual(generated.projects.map((p) => p.name));
    expect(doc.department).toEqual({ code: generated.departmentCode, name: generated.departmentName });
    expect(doc.warnings.filter((w) => w.severity !== "info")).toEqual([]);
  });

  it("reads every indicator row of every table, with its value", () => {
    expect(doc.projects.map((p) => p.indicators.length)).toEqual(generated.projects.map((p) => p.indicators.length));
    const read = doc.projects.flatMap((p) => p.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw]));
    const written = generated.projects.flatMap((p) =>
      p.indicators.map((i) => [i.level1, i.level2, i.level3, i.tableValue]),
    );
    expect(read).toEqual(written);
  });

  it("reads the header tables: budget, funding and a spending plan per project", () => {
    for (const [i, project] of doc.projects.entries()) {
      const want = generated.projects[i]!;
      expect(project.budget).toMatchObject({ total: want.budget, fiscal: want.fiscal, other: want.other });
      expect(project.spendPlan.map((s) => s.percent)).toEqual([...want.spendPlan]);
    }
  });

  it("reads Part 1: the total, each section's amount and every sentence it lists", () => {
    const narrative = doc.narrative!;
    expect(narrative.totalBudget).toBe(generated.projects.reduce((n, p) => n + p.narrativeAmount, 0));
    expect(narrative.projects.map((p) => p.amount)).toEqual(generated.projects.map((p) => p.narrativeAmount));
    expect(narrative.projects.map((p) => p.indicators.length)).toEqual(
      generated.projects.map((p) => p.indicators.filter((i) => i.narrativeValue !== null).length),
    );
    expect(narrative.projects.flatMap((p) => p.indicators).every((i) => i.level3 !== null)).toBe(true);
  });

  it("gives the same document for the same seed", async () => {
    const again = await writeReferenceStyleDocx(join(dir, "again.docx"), { projects: 3, seed: 3 });
    expect(again).toEqual(generated);
  });
});
