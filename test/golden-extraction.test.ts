import { describe, expect, it } from "vitest";
import { diffExpected, formatDifferences } from "./helpers/compare.js";
import { canRead, extractFixture, golden, REFERENCE_FIXTURES } from "./helpers/fixtures.js";

interface GoldenExtraction {
  projects: { indicators: { value: object }[] }[];
}

const key = golden<GoldenExtraction>("yutian-commerce-2025.extraction.json");

describe.each(REFERENCE_FIXTURES)("extraction of %s", (fixture) => {
  it.runIf(canRead(fixture))("matches the answer key field by field", { timeout: 120_000 }, async () => {
    const doc = await extractFixture(fixture);
    const differences = diffExpected(key.projects, doc.projects, "$.projects");
    expect(differences, formatDifferences(differences)).toEqual([]);
    expect(doc.projects).toHaveLength(4);
    expect(doc.projects.flatMap((p) => p.indicators)).toHaveLength(38);
    expect(doc.department).toEqual({ code: "304001", name: "玉田县商务和投资促进局本级" });
    expect(doc.moneyUnit).toBe("元");
  });

  it.runIf(canRead(fixture))("records where every indicator value was read", { timeout: 120_000 }, async () => {
    const doc = await extractFixture(fixture);
    for (const project of doc.projects) {
      for (const indicator of project.indicators) {
        expect(indicator.at.table).toBe(project.tables.indicators);
        expect(indicator.at.row).toBeGreaterThan(0);
      }
      expect(project.locations.code?.table).toBe(project.tables.header);
    }
  });
});
