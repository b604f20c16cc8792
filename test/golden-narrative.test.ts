import { describe, expect, it } from "vitest";
import type { NarrativeIndicator } from "../src/model/schema.js";
import { type Difference, formatDifferences } from "./helpers/compare.js";
import { canRead, extractFixture, golden, REFERENCE_FIXTURES } from "./helpers/fixtures.js";

interface GoldenIndicator {
  seq: number;
  level1: string | null;
  level2: string | null;
  level3: string;
  value: { kind: string; op: string | null; number: number | null; unit: string | null };
  alt?: { level1?: string[]; level2?: string[] };
}
interface GoldenNarrative {
  totalBudget: number;
  projects: {
    name: string;
    amount: number;
    declaredLevel1Count: number;
    declaredIndicatorCount: number;
    indicators: GoldenIndicator[];
  }[];
}

const key = golden<GoldenNarrative>("yutian-commerce-2025.narrative.json");

/** Scores one indicator as the key's `about` says: a null level may be left null or given a value from `alt`. */
function compareIndicator(
  path: string,
  expected: GoldenIndicator,
  actual: NarrativeIndicator | undefined,
): Difference[] {
  if (!actual) return [{ path, expected: expected.level3, actual: undefined }];
  const out: Difference[] = [];
  const level = (name: "level1" | "level2") => {
    const allowed = expected[name] === null ? [null, ...(expected.alt?.[name] ?? [])] : [expected[name]];
    if (!allowed.includes(actual[name])) out.push({ path: `${path}.${name}`, expected: allowed, actual: actual[name] });
  };
  level("level1");
  level("level2");
  const fields: [string, unknown, unknown][] = [
    ["seq", expected.seq, actual.seq],
    ["level3", expected.level3, actual.level3],
    ["value.kind", expected.value.kind, actual.value.kind],
  ];
  if (expected.value.kind === "quantitative") {
    fields.push(
      ["value.op", expected.value.op, actual.value.op],
      ["value.number", expected.value.number, actual.value.number],
      ["value.unit", expected.value.unit, actual.value.unit],
    );
  }
  for (const [field, e, a] of fields) if (e !== a) out.push({ path: `${path}.${field}`, expected: e, actual: a });
  return out;
}

describe.each(REFERENCE_FIXTURES)("narrative of %s", (fixture) => {
  it.runIf(canRead(fixture))("matches the answer key", { timeout: 120_000 }, async () => {
    const narrative = (await extractFixture(fixture)).narrative!;
    const differences: Difference[] = [];
    if (narrative.totalBudget !== key.totalBudget)
      differences.push({ path: "totalBudget", expected: key.totalBudget, actual: narrative.totalBudget });
    key.projects.forEach((expected, p) => {
      const actual = narrative.projects[p];
      const path = `projects[${p}]`;
      for (const field of ["name", "amount", "declaredLevel1Count", "declaredIndicatorCount"] as const) {
        if (actual?.[field] !== expected[field])
          differences.push({ path: `${path}.${field}`, expected: expected[field], actual: actual?.[field] });
      }
      if (actual?.indicators.length !== expected.indicators.length) {
        differences.push({
          path: `${path}.indicators.length`,
          expected: expected.indicators.length,
          actual: actual?.indicators.length,
        });
      }
      expected.indicators.forEach((e, i) => {
        differences.push(...compareIndicator(`${path}.indicators[${i}]`, e, actual?.indicators[i]));
      });
    });
    expect(differences, formatDifferences(differences)).toEqual([]);
    expect(narrative.projects).toHaveLength(4);
    expect(narrative.projects.flatMap((p) => p.indicators)).toHaveLength(42);
  });

  it.runIf(canRead(fixture))("keeps each sentence and its paragraph", { timeout: 120_000 }, async () => {
    const narrative = (await extractFixture(fixture)).narrative!;
    for (const indicator of narrative.projects.flatMap((p) => p.indicators)) {
      expect(indicator.sentence.startsWith(`${indicator.seq}、`)).toBe(true);
      expect(indicator.at.seq).toBe(indicator.seq);
      expect(indicator.at.paragraph).toBeGreaterThan(0);
    }
  });
});
