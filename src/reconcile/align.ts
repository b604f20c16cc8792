import type { Indicator, IndicatorValue, NarrativeIndicator, NarrativeProject, Project } from "../model/schema.js";
import type { Categories } from "../normalise/categories.js";
import { assign } from "./assign.js";
import { containment, foldName, similarity } from "./similarity.js";

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

/** Names alike (one contains most of the other, 中央服务业发展资金 ⊂ 冀财建…中央服务业发展资金预算的通知) and amounts equal. */
function projectScore(narrative: NarrativeProject, table: Project): number | null {
  const name = containment(projectKey(narrative.name), projectKey(table.name ?? table.title));
  const amount = narrative.amount ?? narrative.listedAmount;
  const sameAmount = amount !== null && table.budget.total !== null && Math.abs(amount - table.budget.total) < 0.5;
  if (name < 0.5 && !(sameAmount && name >= 0.3)) return null;
  return 0.7 * name + (sameAmount ? 0.3 : 0);
}

type Levels = { level1: string | null; level2: string | null };

/**
 * Whether two indicators sit in the same category: by 二级指标 where both have one, else by 一级指标; null
 * when it cannot be told. A category named at another depth on the other side agrees (成本指标 is a 二级指标
 * of 产出指标 in one template and a 一级指标 above 经济成本指标 in another).
 */
export function categoryAgreement(n: Levels, t: Levels, categories: Categories): boolean | null {
  const key = (name: string | null) => (name === null ? null : (categories.canonical(name) ?? foldName(name)));
  const [n1, n2, t1, t2] = [key(n.level1), key(n.level2), key(t.level1), key(t.level2)];
  const ofN = [n1, n2].filter((k) => k !== null);
  const ofT = [t1, t2].filter((k) => k !== null);
  if (ofN.length === 0 || ofT.length === 0) return null;
  if (n2 !== null && t2 !== null) return n2 === t2 || n2 === t1 || t2 === n1;
  return ofN.some((k) => ofT.includes(k));
}

/** Same operator, number and unit (units compared after folding). */
export function sameQuantity(a: IndicatorValue, b: IndicatorValue): boolean {
  return a.kind === "quantitative" && b.kind === "quantitative" && a.op === b.op && a.number === b.number && a.upper === b.upper && foldName(a.unit) === foldName(b.unit);
}

/**
 * Scores a narrative indicator against a table row. A pair is acceptable when the names are alike, or
 * when they sit in the same category with the same quantity (a renamed indicator: 资金成本 ↔ 预算控制数).
 */
function indicatorScore(n: NarrativeIndicator, t: Indicator, categories: Categories): number | null {
  const name = similarity(foldName(n.level3), foldName(t.level3));
  const category = categoryAgreement(n, t, categories);
  const quantity = sameQuantity(n.value, t.value);
  const acceptable = name >= 0.75 || (quantity && category === true) || (name >= 0.5 && category === true);
  if (!acceptable) return null;
  return 0.55 * name + (category === true ? 0.25 : category === null ? 0.1 : 0) + (quantity ? 0.2 : 0);
}

/** Aligns the indicators of one project pair as a global assignment; leftovers on either side are kept. */
export function alignIndicators(narrative: readonly NarrativeIndicator[], table: readonly Indicator[], categories: Categories): AlignedIndicator[] {
  const pairs = assign(narrative.length, table.length, (n, t) => indicatorScore(narrative[n]!, table[t]!, categories));
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
export function linkProjects(narrative: readonly NarrativeProject[], tables: readonly Project[], categories: Categories): ProjectPair[] {
  const links = assign(narrative.length, tables.length, (n, t) => projectScore(narrative[n]!, tables[t]!));
  const pairs: ProjectPair[] = links.map((link) => ({
    narrative: narrative[link.left]!,
    narrativeIndex: link.left,
    table: tables[link.right]!,
    tableIndex: link.right,
    score: link.score,
    indicators: alignIndicators(narrative[link.left]!.indicators, tables[link.right]!.indicators, categories),
  }));
  const linkedNarrative = new Set(links.map((l) => l.left));
  const linkedTables = new Set(links.map((l) => l.right));
  narrative.forEach((n, i) => {
    if (!linkedNarrative.has(i)) pairs.push({ narrative: n, narrativeIndex: i, table: null, tableIndex: null, score: 0, indicators: alignIndicators(n.indicators, [], categories) });
  });
  tables.forEach((t, i) => {
    if (!linkedTables.has(i)) pairs.push({ narrative: null, narrativeIndex: null, table: t, tableIndex: i, score: 0, indicators: alignIndicators([], t.indicators, categories) });
  });
  return pairs.sort((a, b) => (a.tableIndex ?? Infinity) - (b.tableIndex ?? Infinity) || (a.narrativeIndex ?? 0) - (b.narrativeIndex ?? 0));
}
