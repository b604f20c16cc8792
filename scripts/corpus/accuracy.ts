/**
 * The accuracy measure of issue 11: every fixture with a hand-written answer key (the corpus, the
 * reference in its three writers, the template variants) is read with the library API and scored against
 * its key. Scoring is pure (a key and a document in, counts out); loading keys and extracting files are the
 * only I/O. `npm run accuracy` prints the table (scripts/corpus/run-accuracy.ts); test/corpus.test.ts
 * holds the totals to the floor in test/corpus/floor.json.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractFile } from "../../src/api.js";
import type { JixiaoDocument, Narrative, NarrativeIndicator, Project } from "../../src/model/schema.js";
import { diffExpected } from "../../test/helpers/compare.js";
import { type GoldenFindings, scoreFindings } from "../../test/helpers/score-findings.js";
import { type CorpusKey, CorpusKeySchema } from "./key-schema.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CORPUS_KEYS = `${ROOT}test/corpus/`;
export const KEY_SUFFIX = ".key.json";

/** What a case is scored on; a part left undefined is not scored for that case. */
export interface ScoringKey {
  readonly department?: { code: string | null; name: string } | null;
  readonly projects?: readonly Record<string, unknown>[];
  /** null: the document has no Part 1 (the narrative must be null or have no projects). */
  readonly narrative?: CorpusKey["narrative"];
  readonly findings?: GoldenFindings;
  /**
   * Which findings count as false alarms: "unlisted" (the corpus and golden keys list every finding they
   * allow, so any other error/warning under an audit rule is one) or "forbidden" (the variant keys list only
   * what they require and forbid, so only a forbidden rule is one).
   */
  readonly alarms?: "unlisted" | "forbidden";
  readonly completeness?: CorpusKey["completeness"];
}

/** One fixture and its key. */
export interface AccuracyCase {
  readonly name: string;
  readonly group: "corpus" | "reference" | "variant";
  /** Path from the repository root. */
  readonly fixture: string;
  readonly key: ScoringKey;
}

/** n of m, where m is what the key asks for (plus anything extra the output has where the key counts it). */
export interface Ratio {
  readonly n: number;
  readonly m: number;
}
const ratio = (n: number, m: number): Ratio => ({ n, m });
const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n + b.n, a.m + b.m);
const ZERO = ratio(0, 0);

/** What is counted, per fixture and in total. */
export interface Counts {
  readonly projects: Ratio;
  readonly rows: Ratio;
  readonly budgets: Ratio;
  readonly fields: Ratio;
  readonly narrative: Ratio;
  readonly required: Ratio;
  readonly falseAlarms: number;
  readonly completeness: Ratio;
  readonly department: Ratio;
}

/** The score of one fixture. */
export interface FixtureScore extends Counts {
  readonly name: string;
  readonly group: AccuracyCase["group"];
  /** What went wrong, one short line each, for the report. */
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------- loading

/** Reads and validates one corpus key; throws with the key's name and zod's issues when it is malformed. */
export function readCorpusKey(path: string): CorpusKey {
  const parsed = CorpusKeySchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success)
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** The names of the corpus keys, sorted. */
export function corpusNames(): string[] {
  return readdirSync(CORPUS_KEYS)
    .filter((f) => f.endsWith(KEY_SUFFIX))
    .map((f) => f.slice(0, -KEY_SUFFIX.length))
    .sort();
}

/** The fixture of a corpus key: fixtures/corpus/<name>.docx, or .doc. */
export function corpusFixture(name: string): string {
  const docx = `fixtures/corpus/${name}.docx`;
  return existsSync(`${ROOT}${docx}`) ? docx : `fixtures/corpus/${name}.doc`;
}

function corpusCases(): AccuracyCase[] {
  return corpusNames().map((name) => {
    const key = readCorpusKey(`${CORPUS_KEYS}${name}${KEY_SUFFIX}`);
    return {
      name,
      group: "corpus" as const,
      fixture: corpusFixture(name),
      key: {
        ...(key.department !== undefined ? { department: key.department } : {}),
        projects: key.projects,
        narrative: key.narrative,
        findings: key.findings,
        completeness: key.completeness,
      },
    };
  });
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(`${ROOT}${path}`, "utf8")) as T;

/** The reference in its three writers, scored on the golden keys (test/golden). */
function referenceCases(): AccuracyCase[] {
  const extraction = readJson<{ projects: Record<string, unknown>[] }>(
    "test/golden/yutian-commerce-2025.extraction.json",
  );
  const narrative = readJson<CorpusKey["narrative"]>("test/golden/yutian-commerce-2025.narrative.json");
  const findings = readJson<GoldenFindings>("test/golden/yutian-commerce-2025.findings.json");
  const key: ScoringKey = {
    projects: extraction.projects,
    narrative: narrative && { totalBudget: narrative.totalBudget, projects: narrative.projects },
    findings,
    completeness: { status: "complete", reasons: [] },
  };
  return ["yutian-commerce-2025.docx", "yutian-commerce-2025.libreoffice.docx", "yutian-commerce-2025.doc"].map(
    (file) => ({ name: file, group: "reference" as const, fixture: `fixtures/${file}`, key }),
  );
}

interface VariantKey {
  readonly projects?: Record<string, unknown>[];
  readonly narrative?: CorpusKey["narrative"];
  readonly findings?: {
    readonly mustInclude: readonly { rule: string; names: string[]; project?: string }[];
    readonly mustNotInclude: readonly string[];
  };
}

/** The template variants of issue 7, their keys (test/variants) read in this format. */
function variantCases(): AccuracyCase[] {
  const dir = "test/variants/";
  return readdirSync(`${ROOT}${dir}`)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((file) => {
      const name = file.slice(0, -".expected.json".length);
      const v = readJson<VariantKey>(`${dir}${file}`);
      const findings: GoldenFindings | undefined = v.findings && {
        entries: v.findings.mustInclude.map((e, i) => ({
          id: `must-${i}`,
          project: e.project ?? "",
          rules: [e.rule],
          names: e.names,
          required: true,
        })),
        mustNotFind: v.findings.mustNotInclude.map((rule) => ({ rule })),
      };
      return {
        name,
        group: "variant" as const,
        fixture: `fixtures/variants/${name}.docx`,
        key: {
          alarms: "forbidden" as const,
          ...(v.projects ? { projects: v.projects } : {}),
          ...(v.narrative !== undefined ? { narrative: v.narrative } : {}),
          ...(findings ? { findings } : {}),
        },
      };
    });
}

/** Every case: the corpus, then the reference, then the variants. */
export function allCases(): AccuracyCase[] {
  return [...corpusCases(), ...referenceCases(), ...variantCases()];
}

// ---------------------------------------------------------------- scoring

const same = (expected: unknown, actual: unknown): boolean => diffExpected(expected, actual).length === 0;

/** Pairs each expected project with an output project: by name first, then by position among the rest. */
function pairProjects(expected: readonly Record<string, unknown>[], actual: readonly Project[]): (Project | null)[] {
  const used = new Set<number>();
  const pairs: (Project | null)[] = expected.map((e) => {
    const i = actual.findIndex((a, k) => !used.has(k) && a.name !== null && a.name === e.name);
    if (i < 0) return null;
    used.add(i);
    return actual[i]!;
  });
  return pairs.map((p, k) => {
    if (p) return p;
    const i = actual.findIndex((_, j) => !used.has(j) && j === k);
    if (i < 0) return null;
    used.add(i);
    return actual[i]!;
  });
}

const ROW_LISTS = ["indicators", "midTermIndicators"] as const;

interface ProjectScore {
  projects: Ratio;
  rows: Ratio;
  budgets: Ratio;
  fields: Ratio;
  notes: string[];
}

/** Part 2: projects found, indicator rows exact (extra output rows count against), budgets and other fields. */
export function scoreProjects(expected: readonly Record<string, unknown>[], actual: readonly Project[]): ProjectScore {
  const pairs = pairProjects(expected, actual);
  const notes: string[] = [];
  let rows = ZERO;
  let budgets = ZERO;
  let fields = ZERO;
  expected.forEach((e, p) => {
    const a = pairs[p] ?? null;
    const label = String(e.name ?? `#${p + 1}`);
    if (!a) notes.push(`project ${label} not found`);
    for (const list of ROW_LISTS) {
      const want = (e[list] as unknown[] | undefined) ?? (list === "indicators" ? [] : undefined);
      if (want === undefined) continue;
      const got: unknown[] = a ? a[list] : [];
      const exact = want.filter((row, i) => same(row, got[i])).length;
      rows = add(rows, ratio(exact, Math.max(want.length, got.length)));
      if (exact < want.length || got.length > want.length)
        notes.push(`${label}: ${list} ${exact}/${want.length} exact, ${got.length} read`);
    }
    const budgetOk = a !== null && same(e.budget, a.budget);
    budgets = add(budgets, ratio(budgetOk ? 1 : 0, 1));
    if (!budgetOk) notes.push(`${label}: budget ${JSON.stringify(a?.budget ?? null)}`);
    for (const [field, value] of Object.entries(e)) {
      if (field === "budget" || (ROW_LISTS as readonly string[]).includes(field)) continue;
      const ok = a !== null && same(value, (a as Record<string, unknown>)[field]);
      fields = add(fields, ratio(ok ? 1 : 0, 1));
      if (!ok && a) notes.push(`${label}: ${field} ${JSON.stringify((a as Record<string, unknown>)[field])}`);
    }
  });
  const unpaired = actual.filter((a) => !pairs.includes(a));
  for (const a of unpaired) {
    notes.push(`extra project ${a.name ?? "(no name)"} with ${a.indicators.length} indicators`);
    rows = add(rows, ratio(0, a.indicators.length + a.midTermIndicators.length));
  }
  return {
    projects: ratio(pairs.filter((p) => p !== null).length, Math.max(expected.length, actual.length)),
    rows,
    budgets,
    fields,
    notes,
  };
}

type KeyNarrativeIndicator = NonNullable<CorpusKey["narrative"]>["projects"][number]["indicators"][number];

/** Whether a Part 1 indicator reads as the key says (levels absent from the key are not checked). */
export function narrativeIndicatorMatches(e: KeyNarrativeIndicator, a: NarrativeIndicator | undefined): boolean {
  if (!a) return false;
  for (const level of ["level1", "level2"] as const) {
    if (!(level in e)) continue;
    const allowed: (string | null | undefined)[] = [e[level], ...(e.alt?.[level] ?? [])];
    if (!allowed.includes(a[level])) return false;
  }
  if (e.seq !== undefined && e.seq !== a.seq) return false;
  if (e.level3 !== a.level3 || e.value.kind !== a.value.kind) return false;
  if (e.value.kind === "qualitative") return true;
  return (
    e.value.op === a.value.op &&
    Math.abs(e.value.number - (a.value.number ?? Number.NaN)) < 1e-9 &&
    e.value.unit === a.value.unit &&
    (e.value.upper === undefined || e.value.upper === a.value.upper)
  );
}

/** Part 1: the total, each project's name, amount and declared counts, and each indicator (extra ones count against). */
export function scoreNarrative(
  expected: CorpusKey["narrative"],
  actual: Narrative | null,
): { narrative: Ratio; notes: string[] } {
  const notes: string[] = [];
  if (expected === null) {
    const ok = actual === null || actual.projects.length === 0;
    if (!ok) notes.push(`Part 1 read where there is none: ${actual!.projects.map((p) => p.name).join(", ")}`);
    return { narrative: ratio(ok ? 1 : 0, 1), notes };
  }
  let score = ratio(actual?.totalBudget === expected.totalBudget ? 1 : 0, 1);
  if (actual?.totalBudget !== expected.totalBudget) notes.push(`Part 1 total ${actual?.totalBudget ?? null}`);
  const used = new Set<number>();
  expected.projects.forEach((e, p) => {
    let i = actual?.projects.findIndex((a, k) => !used.has(k) && a.name === e.name) ?? -1;
    if (i < 0 && actual && p < actual.projects.length && !used.has(p)) i = p;
    if (i >= 0) used.add(i);
    const a = i >= 0 ? actual!.projects[i] : undefined;
    for (const field of ["name", "amount", "declaredLevel1Count", "declaredIndicatorCount"] as const) {
      if (!(field in e)) continue;
      const ok = a !== undefined && a[field] === e[field];
      score = add(score, ratio(ok ? 1 : 0, 1));
      if (!ok) notes.push(`Part 1 ${e.name}: ${field} ${JSON.stringify(a?.[field] ?? null)}`);
    }
    const got = a?.indicators ?? [];
    const exact = e.indicators.filter((ind, k) => narrativeIndicatorMatches(ind, got[k])).length;
    score = add(score, ratio(exact, Math.max(e.indicators.length, got.length)));
    if (exact < e.indicators.length || got.length > e.indicators.length)
      notes.push(`Part 1 ${e.name}: indicators ${exact}/${e.indicators.length} exact, ${got.length} read`);
  });
  return { narrative: score, notes };
}

/** The completeness field where the document JSON has it (issue 11 item 10), else undefined. */
function completenessOf(doc: JixiaoDocument): { status: string; reasons: { code: string }[] } | undefined {
  return (doc as { completeness?: { status: string; reasons: { code: string }[] } }).completeness;
}

/** Scores one document against its key. */
export function scoreDocument(c: AccuracyCase, doc: JixiaoDocument): FixtureScore {
  const notes: string[] = [];
  const p = c.key.projects
    ? scoreProjects(c.key.projects, doc.projects)
    : { projects: ZERO, rows: ZERO, budgets: ZERO, fields: ZERO, notes: [] };
  notes.push(...p.notes);
  let narrative = ZERO;
  if (c.key.narrative !== undefined) {
    const n = scoreNarrative(c.key.narrative, doc.narrative);
    narrative = n.narrative;
    notes.push(...n.notes);
  }
  let required = ZERO;
  let falseAlarms = 0;
  if (c.key.findings) {
    const s = scoreFindings(doc.findings, c.key.findings);
    required = ratio(s.covered.length, s.covered.length + s.missed.length);
    const alarms = new Set(c.key.alarms === "forbidden" ? s.forbidden : [...s.falseAlarms, ...s.forbidden]);
    falseAlarms = alarms.size;
    if (s.missed.length > 0) notes.push(`missed ${s.missed.join(", ")}`);
    const byRule = new Map<string, number>();
    for (const f of alarms) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    if (alarms.size > 0)
      notes.push(`false alarms ${[...byRule].map(([rule, count]) => `${rule}×${count}`).join(", ")}`);
  }
  let completeness = ZERO;
  if (c.key.completeness) {
    const got = completenessOf(doc);
    const want = c.key.completeness;
    const codes = got ? [...new Set(got.reasons.map((r) => r.code))].sort() : [];
    const ok = got !== undefined && got.status === want.status && same([...want.reasons].sort(), codes);
    completeness = ratio(ok ? 1 : 0, 1);
    if (!ok)
      notes.push(
        got
          ? `completeness ${got.status} [${codes.join(", ")}], expected ${want.status} [${want.reasons.join(", ")}]`
          : "no completeness field",
      );
  }
  let department = ZERO;
  if (c.key.department !== undefined) {
    const ok = same(c.key.department, doc.department);
    department = ratio(ok ? 1 : 0, 1);
    if (!ok) notes.push(`department ${JSON.stringify(doc.department)}`);
  }
  return {
    name: c.name,
    group: c.group,
    projects: p.projects,
    rows: p.rows,
    budgets: p.budgets,
    fields: p.fields,
    narrative,
    required,
    falseAlarms,
    completeness,
    department,
    notes,
  };
}

/** Reads every case's fixture and scores it, in order. */
export async function measure(cases: readonly AccuracyCase[]): Promise<FixtureScore[]> {
  const scores: FixtureScore[] = [];
  for (const c of cases) scores.push(scoreDocument(c, await extractFile(`${ROOT}${c.fixture}`)));
  return scores;
}

/** The sums of a set of scores. */
export interface Totals extends Counts {
  readonly fixtures: number;
}

export function totals(scores: readonly FixtureScore[]): Totals {
  const sum = (pick: (s: FixtureScore) => Ratio) => scores.map(pick).reduce(add, ZERO);
  return {
    fixtures: scores.length,
    projects: sum((s) => s.projects),
    rows: sum((s) => s.rows),
    budgets: sum((s) => s.budgets),
    fields: sum((s) => s.fields),
    narrative: sum((s) => s.narrative),
    required: sum((s) => s.required),
    falseAlarms: scores.reduce((n, s) => n + s.falseAlarms, 0),
    completeness: sum((s) => s.completeness),
    department: sum((s) => s.department),
  };
}

// ---------------------------------------------------------------- the table

const cell = (r: Ratio): string => (r.m === 0 ? "—" : `${r.n}/${r.m}${r.n === r.m ? " ✓" : ""}`);

const HEADER = [
  "fixture",
  "projects",
  "table rows exact",
  "budgets exact",
  "other fields",
  "narrative fields",
  "required findings",
  "false alarms",
  "completeness",
  "department",
];

function row(label: string, s: Counts): string {
  return `| ${[
    label,
    cell(s.projects),
    cell(s.rows),
    cell(s.budgets),
    cell(s.fields),
    cell(s.narrative),
    cell(s.required),
    String(s.falseAlarms),
    cell(s.completeness),
    cell(s.department),
  ].join(" | ")} |`;
}

/** The per-fixture table in Markdown, a totals row per group and overall, then the notes per fixture. */
export function formatReport(scores: readonly FixtureScore[]): string {
  const lines = [`| ${HEADER.join(" | ")} |`, `|${HEADER.map(() => "---").join("|")}|`];
  for (const group of ["corpus", "reference", "variant"] as const) {
    const inGroup = scores.filter((s) => s.group === group);
    if (inGroup.length === 0) continue;
    for (const s of inGroup) lines.push(row(`${group === "corpus" ? "" : `${group}: `}${s.name}`, s));
    lines.push(row(`**${group} total (${inGroup.length})**`, totals(inGroup)));
  }
  lines.push(row(`**all (${scores.length})**`, totals(scores)));
  const notes = scores
    .filter((s) => s.notes.length > 0)
    .map((s) => `- **${s.name}**: ${s.notes.join("; ")}`)
    .join("\n");
  return `${lines.join("\n")}\n\n### What differs\n\n${notes || "- nothing"}\n`;
}
