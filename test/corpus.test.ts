/**
 * The corpus of issue 11 (fixtures/corpus, keys in test/corpus/<name>.key.json) and the accuracy ratchet.
 *
 * Every key must be valid against the key schema (scripts/corpus/key-schema.ts), name its fixture, and the
 * corpus must cover what the issue asks (other templates of several provinces, the reference's family in
 * several writers, one fully consistent document). Then every fixture with a key — the corpus, the reference
 * in its three writers and the template variants — is read and scored (scripts/corpus/accuracy.ts), and the
 * totals must not fall below test/corpus/floor.json: the code helpers raise the floor as they improve.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  allCases,
  CORPUS_KEYS,
  corpusFixture,
  corpusNames,
  KEY_SUFFIX,
  measure,
  readCorpusKey,
  type Totals,
  totals,
} from "../scripts/corpus/accuracy.js";
import { CorpusKeySchema } from "../scripts/corpus/key-schema.js";
import { CORPUS } from "../scripts/corpus/registry.js";
import { canRead } from "./helpers/fixtures.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const names = corpusNames();
const keys = names.map((name) => ({ name, key: readCorpusKey(`${CORPUS_KEYS}${name}${KEY_SUFFIX}`) }));

interface Floor {
  readonly projects: number;
  readonly rows: number;
  readonly budgets: number;
  readonly fields: number;
  readonly narrative: number;
  readonly required: number;
  readonly completeness: number;
  readonly department: number;
  readonly falseAlarmsAtMost: number;
}
const floor = JSON.parse(readFileSync(`${CORPUS_KEYS}floor.json`, "utf8")) as Floor;

describe("corpus answer keys", () => {
  it("are valid against the key schema and each names its committed fixture", () => {
    expect(names.length).toBeGreaterThanOrEqual(16);
    for (const name of names) expect(existsSync(`${ROOT}${corpusFixture(name)}`), corpusFixture(name)).toBe(true);
  });

  it("match the generator's list one to one", () => {
    expect(Object.keys(CORPUS).sort()).toEqual(names);
  });

  it("reject a malformed key", () => {
    const good = JSON.parse(readFileSync(`${CORPUS_KEYS}${names[0]}${KEY_SUFFIX}`, "utf8")) as Record<string, unknown>;
    expect(CorpusKeySchema.safeParse(good).success).toBe(true);
    const broken = structuredClone(good) as { projects: { indicators: { value: { op: string } }[] }[] };
    broken.projects[0]!.indicators[0]!.value.op = "≥";
    expect(CorpusKeySchema.safeParse(broken).success).toBe(false);
    expect(
      CorpusKeySchema.safeParse({ ...good, completeness: { status: "partial", reasons: ["maybe"] } }).success,
    ).toBe(false);
    expect(CorpusKeySchema.safeParse({ ...good, typo: true }).success).toBe(false);
  });

  it("cover other provinces' forms, the reference's family in several writers, and one consistent document", () => {
    const others = keys.filter(({ key }) => key.narrative === null);
    const family = keys.filter(({ key }) => key.narrative !== null);
    expect(others.length).toBeGreaterThanOrEqual(10);
    expect(new Set(others.map(({ key }) => key.source.province)).size).toBeGreaterThanOrEqual(6);
    expect(family.length).toBeGreaterThanOrEqual(6);
    expect(new Set(family.map(({ key }) => key.writer)).size).toBeGreaterThanOrEqual(3);
    const consistent = family.filter(({ key }) => key.findings.entries.length === 0);
    expect(consistent.length).toBeGreaterThanOrEqual(1);
    const planted = family.filter(({ key }) => key.findings.entries.some((e) => e.required));
    expect(planted.length).toBeGreaterThanOrEqual(4);
  });
});

const hasDoc = canRead("x.doc");

describe("accuracy on every fixture with a key", () => {
  it.runIf(hasDoc)("does not fall below test/corpus/floor.json", { timeout: 600_000 }, async () => {
    const t: Totals = totals(await measure(allCases()));
    const below = (
      ["projects", "rows", "budgets", "fields", "narrative", "required", "completeness", "department"] as const
    ).filter((k) => t[k].n < floor[k]);
    const summary = Object.fromEntries(
      (["projects", "rows", "budgets", "fields", "narrative", "required", "completeness", "department"] as const).map(
        (k) => [k, `${t[k].n}/${t[k].m} (floor ${floor[k]})`],
      ),
    );
    expect(below, JSON.stringify(summary, null, 1)).toEqual([]);
    expect(t.falseAlarms, `false alarms ${t.falseAlarms}, at most ${floor.falseAlarmsAtMost}`).toBeLessThanOrEqual(
      floor.falseAlarmsAtMost,
    );
  });
});
