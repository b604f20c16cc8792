import { describe, expect, it } from "vitest";
import { diffExpected, formatDifferences } from "./helpers/compare.js";
import { CONTAINER_FIXTURES, canRead, extractFixture, golden } from "./helpers/fixtures.js";
import { type GoldenFindings, scoreFindings } from "./helpers/score-findings.js";

interface GoldenExtraction {
  projects: { indicators: { value: object }[] }[];
}
interface GoldenNarrative {
  totalBudget: number;
  projects: { name: string; amount: number; indicators: unknown[] }[];
}

const extraction = golden<GoldenExtraction>("yutian-commerce-2025.extraction.json");
const narrative = golden<GoldenNarrative>("yutian-commerce-2025.narrative.json");
const findings = golden<GoldenFindings>("yutian-commerce-2025.findings.json");

const FORMATS: Record<string, string> = {
  docm: "docx",
  dotx: "docx",
  dot: "doc",
  odt: "odt",
  rtf: "rtf",
  wps: "doc",
  wpt: "doc",
};

describe.each(CONTAINER_FIXTURES)("the reference saved as %s", (fixture) => {
  it.runIf(canRead(fixture))(
    "is recognised by content and gives the reference's answer keys",
    { timeout: 240_000 },
    async () => {
      const doc = await extractFixture(fixture);
      expect(doc.error).toBeNull();
      expect(doc.source.format).toBe(FORMATS[fixture.split(".").pop()!]);
      const differences = diffExpected(extraction.projects, doc.projects, "$.projects");
      expect(differences, formatDifferences(differences)).toEqual([]);
      expect(doc.department).toEqual({ code: "304001", name: "玉田县商务和投资促进局本级" });
      expect(doc.narrative?.totalBudget).toBe(narrative.totalBudget);
      expect(doc.narrative?.projects.map((p) => [p.name, p.amount, p.indicators.length])).toEqual(
        narrative.projects.map((p) => [p.name, p.amount, p.indicators.length]),
      );
      const score = scoreFindings(doc.findings, findings);
      expect(score.missed).toEqual([]);
      expect(score.falseAlarms.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      expect(doc.sheets).toBeNull();
    },
  );
});
