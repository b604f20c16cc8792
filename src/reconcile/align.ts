import type { Indicator, IndicatorValue, NarrativeIndicator, NarrativeProject, Project } from "../model/schema.js";
import type { Categories } from "../normalise/categories.js";
import { foldName } from "../text.js";
import { type Assignment, assign } from "./assign.js";
import { containment, similarity } from "./similarity.js";

/** A narrative indicator and the table row it was paired with; either side null when unpaired. */
export interface AlignedIndicator {
  readonly narrative: NarrativeIndicator | null;
  readonly table: Indicator | null;
  readonly score: number;
}

/** A narrative project and its table project, with their indicators aligned. */
export interface ProjectPair {
  readonly narrative: NarrativeProject | null;
  readonly narrativeIndex: number | null;
  readonly table: Project | null;
  readonly tableIndex: number | null;
  readonly score: number;
  readonly indicators: readonly AlignedIndicator[];
}

const NAME_NOISE = /^\s*\d+[.、．]\s*|绩效目标表$|^\d{4}年度?/g;

function projectKey(name: string | null): string {
  return foldName((name ?? "").replace(NAME_NOISE, ""));
}

/** What a project is compared by: its folded name and its amount. */
interface ProjectFeatures {
  readonly key: string;
  readonly amount: number | null;
}

const narrativeFeatures = (p: NarrativeProject): ProjectFeatures => ({
  key: projectKey(p.name),
  amount: p.amount ?? p.listedAmount,
});
const tableFeatures = (p: Project): ProjectFeatures => ({ key: projectKey(p.name ?? p.title), amount: p.budget.total });

/** Names alike (one contains most of the other, 中央服务业发展资金 ⊂ 冀财建…中央服务业发展资金预算的通知) and amounts equal. */
function projectScore(narrative: ProjectFeatures, table: ProjectFeatures): number | null {
  const name = containment(narrative.key, table.key);
  const sameAmount =
    narrative.amount !== null && table.amount !== null && Math.abs(narrative.amount - table.amount) < 0.5;
  if (name < 0.5 && !(sameAmount && name >= 0.3)) return null;
  return 0.7 * name + (sameAmount ? 0.3 : 0);
}

type Levels = { level1: string | null; level2: string | null };
/** A 一级 and 二级指标 as compared: canonical names, or folded ones when the vocabulary does not know them. */
export type CategoryKeys = readonly [string | null, string | null];

/** The category keys of an indicator's levels, for comparing them many times over. */
export function categoryKeys({ level1, level2 }: Levels, categories: Categories): CategoryKeys {
  const key = (name: string | null) => (name === null ? null : (categories.canonical(name) ?? foldName(name)));
  return [key(level1), key(level2)];
}

/** Whether two indicators' category keys agree (see {@link categoryAgreement}); null when it cannot be told. */
export function keysAgree([n1, n2]: CategoryKeys, [t1, t2]: CategoryKeys): boolean | null {
  if ((n1 === null && n2 === null) || (t1 === null && t2 === null)) return null;
  if (n2 !== null && t2 !== null) return n2 === t2 || n2 === t1 || t2 === n1;
  return (n1 !== null && (n1 === t1 || n1 === t2)) || (n2 !== null && (n2 === t1 || n2 === t2));
}

/**
 * Whether two indicators sit in the same category: by 二级指标 where both have one, else by 一级指标; null
 * when it cannot be told. A category named at another depth on the other side agrees (成本指标 is a 二级指标
 * of 产出指标 in one template and a 一级指标 above 经济成本指标 in another).
 */
export function categoryAgreement(n: Levels, t: Levels, categories: Categories): boolean | null {
  return keysAgree(categoryKeys(n, categories), categoryKeys(t, categories));
}

/** Same operator, number and unit (units compared after folding). */
export function sameQuantity(a: IndicatorValue, b: IndicatorValue): boolean {
  return (
    a.kind === "quantitative" &&
    b.kind === "quantitative" &&
    a.op === b.op &&
    a.number === b.number &&
    a.upper === b.upper &&
    foldName(a.unit) === foldName(b.unit)
  );
}

/** What an indicator is compared by, computed once per indicator rather than once per pair. */
interface IndicatorFeatures {
  readonly name: string;
  /** The text that may name the indicator: for a narrative sentence its name and description, folded. */
  readonly text: string;
  readonly categories: CategoryKeys;
  readonly value: IndicatorValue;
}

function indicatorFeatures(indicator: NarrativeIndicator | Indicator, categories: Categories): IndicatorFeatures {
  const name = foldName(indicator.level3);
  const text = "sentence" in indicator ? foldName(`${indicator.level3 ?? ""}${indicator.description ?? ""}`) : name;
  return { name, text, categories: categoryKeys(indicator, categories), value: indicator.value };
}

/** The shortest name a segment may be found to contain, as a dictionary word, in characters. */
const MIN_DICTIONARY_NAME = 4;

/**
 * How well a narrative segment names a table row: the names' similarity, or, where the segment's text contains
 * the table's name (the table as a dictionary: 全年组织开展培训班次数 names 培训班次数) or the other way round, as
 * much as an acceptable name match.
 */
function nameScore(n: IndicatorFeatures, t: IndicatorFeatures): number {
  const alike = similarity(n.name, t.name);
  if (alike >= NAME_MATCH) return alike;
  const contained =
    (t.name.length >= MIN_DICTIONARY_NAME && n.text.includes(t.name)) ||
    (n.name.length >= MIN_DICTIONARY_NAME && t.name.includes(n.name));
  return contained ? NAME_MATCH : alike;
}

/** A name similarity at which two indicators pair on their names alone. */
const NAME_MATCH = 0.75;

/**
 * Scores a narrative indicator against a table row. A pair is acceptable when the names are alike, or
 * when they sit in the same category with the same quantity (a renamed indicator: 资金成本 ↔ 预算控制数).
 */
function indicatorScore(n: IndicatorFeatures, t: IndicatorFeatures): number | null {
  const name = nameScore(n, t);
  const category = keysAgree(n.categories, t.categories);
  const quantity = sameQuantity(n.value, t.value);
  // A segment without categories (开展执法检查不少于12次) still pairs on half its name and the same quantity.
  const acceptable =
    name >= NAME_MATCH ||
    (quantity && category === true) ||
    (name >= 0.5 && (category === true || (category === null && quantity)));
  if (!acceptable) return null;
  return 0.55 * name + (category === true ? 0.25 : category === null ? 0.1 : 0) + (quantity ? 0.2 : 0);
}

/**
 * Pairs the last two: where, after the assignment, exactly one narrative indicator and exactly one table row
 * of a category are left unpaired, they are the same indicator written differently (name and value both
 * changed), so they are paired and the rules report what differs rather than two "missing" findings.
 */
function pairLastTwo(
  left: readonly IndicatorFeatures[],
  right: readonly IndicatorFeatures[],
  paired: readonly Assignment[],
): Assignment[] {
  const pairedLeft = new Set(paired.map((p) => p.left));
  const pairedRight = new Set(paired.map((p) => p.right));
  const openLeft = left.flatMap((_, i) => (pairedLeft.has(i) ? [] : [i]));
  const openRight = right.flatMap((_, i) => (pairedRight.has(i) ? [] : [i]));
  const sameCategory = (n: number, t: number) => keysAgree(left[n]!.categories, right[t]!.categories) === true;
  return openLeft.flatMap((n) => {
    const tables = openRight.filter((t) => sameCategory(n, t));
    if (tables.length !== 1) return [];
    const t = tables[0]!;
    const narratives = openLeft.filter((other) => sameCategory(other, t));
    return narratives.length === 1 ? [{ left: n, right: t, score: LAST_TWO_SCORE }] : [];
  });
}

/** The score of a pair made only because its two indicators were the last of their category. */
const LAST_TWO_SCORE = 0.1;

/** Aligns the indicators of one project pair as a global assignment; leftovers on either side are kept. */
export function alignIndicators(
  narrative: readonly NarrativeIndicator[],
  table: readonly Indicator[],
  categories: Categories,
): AlignedIndicator[] {
  const left = narrative.map((n) => indicatorFeatures(n, categories));
  const right = table.map((t) => indicatorFeatures(t, categories));
  const assigned = assign(narrative.length, table.length, (n, t) => indicatorScore(left[n]!, right[t]!));
  const pairs = [...assigned, ...pairLastTwo(left, right, assigned)];
  const pairedTable = new Set(pairs.map((p) => p.right));
  const byNarrative = new Map(pairs.map((p) => [p.left, p]));
  const aligned: AlignedIndicator[] = narrative.map((n, i) => {
    const pair = byNarrative.get(i);
    return { narrative: n, table: pair ? table[pair.right]! : null, score: pair?.score ?? 0 };
  });
  table.forEach((t, i) => {
    if (!pairedTable.has(i)) aligned.push({ narrative: null, table: t, score: 0 });
  });
  return aligned;
}

/** Pairs narrative projects with table projects by name and amount, then aligns each pair's indicators. */
export function linkProjects(
  narrative: readonly NarrativeProject[],
  tables: readonly Project[],
  categories: Categories,
): ProjectPair[] {
  // Every pair is scored, so each side's features are computed once, not once per pair.
  const left = narrative.map(narrativeFeatures);
  const right = tables.map(tableFeatures);
  const links = assign(narrative.length, tables.length, (n, t) => projectScore(left[n]!, right[t]!));
  const pairOf = (ni: number | null, ti: number | null, score: number): ProjectPair => {
    const n = ni === null ? null : narrative[ni]!;
    const t = ti === null ? null : tables[ti]!;
    const indicators = alignIndicators(n?.indicators ?? [], t?.indicators ?? [], categories);
    return { narrative: n, narrativeIndex: ni, table: t, tableIndex: ti, score, indicators };
  };
  const pairs = links.map((link) => pairOf(link.left, link.right, link.score));
  const linkedNarrative = new Set(links.map((l) => l.left));
  const linkedTables = new Set(links.map((l) => l.right));
  narrative.forEach((_, i) => {
    if (!linkedNarrative.has(i)) pairs.push(pairOf(i, null, 0));
  });
  tables.forEach((_, i) => {
    if (!linkedTables.has(i)) pairs.push(pairOf(null, i, 0));
  });
  return pairs.sort(
    (a, b) =>
      (a.tableIndex ?? Infinity) - (b.tableIndex ?? Infinity) || (a.narrativeIndex ?? 0) - (b.narrativeIndex ?? 0),
  );
}
