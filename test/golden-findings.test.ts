import { describe, expect, it } from "vitest";
import { canRead, extractFixture, golden, REFERENCE_FIXTURES } from "./helpers/fixtures.js";
import { type GoldenFindings, scoreFindings } from "./helpers/score-findings.js";

const key = golden<GoldenFindings>("yutian-commerce-2025.findings.json");
const requiredCount = key.entries.filter((e) => e.required).length;

describe.each(REFERENCE_FIXTURES)("audit of %s", (fixture) => {
  it.runIf(canRead(fixture))(
    "covers every required discrepancy with no false alarm",
    { timeout: 120_000 },
    async () => {
      const doc = await extractFixture(fixture);
      const score = scoreFindings(doc.findings, key);
      console.log(
        [
          `audit score for ${fixture}`,
          `  required covered   ${score.covered.length}/${requiredCount}${score.missed.length ? `  missed: ${score.missed.join(", ")}` : ""}`,
          `  optional covered   ${score.optionalCovered.length}/${key.entries.length - requiredCount}`,
          `  false alarms       ${score.falseAlarms.length}`,
          `  mustNotFind hits   ${score.forbidden.length}`,
          `  new-rule findings  ${score.unscored.length} (listed for review, not scored)`,
        ].join("\n"),
      );
      expect(score.missed).toEqual([]);
      expect(score.falseAlarms.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      expect(score.forbidden.map((f) => f.rule)).toEqual([]);
    },
  );
});
