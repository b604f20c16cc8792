/**
 * Template variants (issue 7): each answer key test/variants/<name>.expected.json is checked against
 * the committed fixture fixtures/variants/<name>.docx (built by scripts/variants/make-fixtures.ts;
 * reading it needs neither the docx library nor LibreOffice).
 *
 * A key holds a subset of the output: `projects` and `narrative` are compared with diffExpected (only
 * the keys the key has; arrays must match in length). `narrative: null` means the document has no
 * Part 1: the output's narrative must be null or have no projects. `findings.mustInclude` entries must
 * each be covered by a finding with the entry's rule whose narrative or table level3 is one of the
 * entry's names (any finding of the rule when names is empty) and, when the entry names a project,
 * whose project name contains it. `mustNotInclude` rules must not fire at all; `mustNotIncludeFor`
 * rules must not fire for the named project.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractFile } from "../src/api.js";
import type { Finding, JixiaoDocument } from "../src/model/schema.js";
import { type Difference, diffExpected, formatDifferences } from "./helpers/compare.js";

const KEYS = fileURLToPath(new URL("./variants/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../fixtures/variants/", import.meta.url));
const SUFFIX = ".expected.json";

interface FindingEntry {
  readonly rule: string;
  readonly names: readonly string[];
  /** A fragment of the project's name; any project when absent. */
  readonly project?: string;
}

interface VariantKey {
  readonly about: string;
  readonly writer?: string;
  readonly projects?: unknown;
  readonly narrative?: unknown;
  readonly findings?: {
    readonly mustInclude: readonly FindingEntry[];
    readonly mustNotInclude: readonly string[];
    readonly mustNotIncludeFor?: readonly { readonly rule: string; readonly project: string }[];
  };
}

const names = readdirSync(KEYS)
  .filter((f) => f.endsWith(SUFFIX))
  .map((f) => f.slice(0, -SUFFIX.length))
  .sort();

const fixturePath = (name: string) => `${FIXTURES}${name}.docx`;
const readKey = (name: string) => JSON.parse(readFileSync(`${KEYS}${name}${SUFFIX}`, "utf8")) as VariantKey;

const cache = new Map<string, Promise<JixiaoDocument>>();
function extract(name: string): Promise<JixiaoDocument> {
  let doc = cache.get(name);
  if (!doc) {
    doc = extractFile(fixturePath(name));
    cache.set(name, doc);
  }
  return doc;
}

function inProject(finding: Finding, fragment: string | undefined): boolean {
  return fragment === undefined || (finding.project?.name ?? "").includes(fragment);
}

/** Whether a finding covers a mustInclude entry. */
function covers(finding: Finding, entry: FindingEntry): boolean {
  if (finding.rule !== entry.rule || !inProject(finding, entry.project)) return false;
  if (entry.names.length === 0) return true;
  const level3 = [finding.narrative?.level3, finding.table?.level3];
  return entry.names.some((name) => level3.includes(name));
}

const describeFinding = (f: Finding) => `${f.rule} [${f.project?.name ?? "—"}] ${f.message}`;

/** The findings part of a key as differences by path. */
function diffFindings(key: NonNullable<VariantKey["findings"]>, findings: readonly Finding[]): Difference[] {
  const out: Difference[] = [];
  key.mustInclude.forEach((entry, i) => {
    if (!findings.some((f) => covers(f, entry))) {
      const sameRule = findings.filter((f) => f.rule === entry.rule).map(describeFinding);
      out.push({
        path: `$.findings.mustInclude[${i}]`,
        expected: entry,
        actual: sameRule.length > 0 ? sameRule : "no finding with this rule",
      });
    }
  });
  key.mustNotInclude.forEach((rule, i) => {
    const hits = findings.filter((f) => f.rule === rule);
    if (hits.length > 0)
      out.push({ path: `$.findings.mustNotInclude[${i}]`, expected: `no ${rule}`, actual: hits.map(describeFinding) });
  });
  (key.mustNotIncludeFor ?? []).forEach(({ rule, project }, i) => {
    const hits = findings.filter((f) => f.rule === rule && inProject(f, project));
    if (hits.length > 0)
      out.push({
        path: `$.findings.mustNotIncludeFor[${i}]`,
        expected: `no ${rule} for ${project}`,
        actual: hits.map(describeFinding),
      });
  });
  return out;
}

describe("template-variant fixtures", () => {
  it("has answer keys, each with its committed fixture and an about", () => {
    expect(names.length).toBeGreaterThanOrEqual(9);
    for (const name of names) {
      expect(existsSync(fixturePath(name)), `fixtures/variants/${name}.docx`).toBe(true);
      expect(readKey(name).about.length, `${name}: about`).toBeGreaterThan(0);
    }
  });
});

describe.each(names)("variant %s", (name) => {
  const key = readKey(name);

  it.runIf(key.projects !== undefined)(
    "extracts the Part 2 projects of the answer key",
    { timeout: 120_000 },
    async () => {
      const doc = await extract(name);
      const differences = diffExpected(key.projects, doc.projects, "$.projects");
      expect(differences, `${name}\n${formatDifferences(differences)}`).toEqual([]);
    },
  );

  it.runIf(key.narrative !== undefined)("reads Part 1 as the answer key says", { timeout: 120_000 }, async () => {
    const doc = await extract(name);
    const differences =
      key.narrative === null
        ? doc.narrative === null || doc.narrative.projects.length === 0
          ? []
          : [
              {
                path: "$.narrative.projects",
                expected: "no Part 1 projects",
                actual: doc.narrative.projects.map((p) => p.name),
              },
            ]
        : diffExpected(key.narrative, doc.narrative, "$.narrative");
    expect(differences, `${name}\n${formatDifferences(differences)}`).toEqual([]);
  });

  it.runIf(key.findings !== undefined)(
    "reports the deliberate discrepancies and no forbidden rule",
    { timeout: 120_000 },
    async () => {
      const doc = await extract(name);
      const differences = diffFindings(key.findings!, doc.findings);
      expect(differences, `${name}\n${formatDifferences(differences)}`).toEqual([]);
    },
  );
});
