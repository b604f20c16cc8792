import type { Indicator, Project } from "../model/schema.js";
import type { Categories } from "../normalise/categories.js";
import { type CategoryKeys, categoryKeys, keysAgree } from "../reconcile/align.js";
import { assign } from "../reconcile/assign.js";
import { similarity } from "../reconcile/similarity.js";
import { foldName } from "../text.js";
import type { ProjectLinkAcrossYears } from "./schema.js";

/** What the trends need of a project: the rest of the document model is not kept. */
export type TrendProjectInput = Pick<
  Project,
  "code" | "name" | "title" | "budget" | "goals" | "indicators" | "locations"
>;

/** Two indicators of linked projects, linked; either side null when it has no counterpart. */
export interface IndicatorStep {
  readonly earlier: Indicator | null;
  readonly earlierIndex: number | null;
  readonly later: Indicator | null;
  readonly laterIndex: number | null;
  readonly score: number;
  readonly why: { readonly name: number; readonly category: boolean | null; readonly unit: boolean } | null;
}

/** A project in two consecutive years of one department; either side null when it has no counterpart. */
export interface ProjectStep {
  readonly earlier: TrendProjectInput | null;
  readonly earlierIndex: number | null;
  readonly later: TrendProjectInput | null;
  readonly laterIndex: number | null;
  readonly link: Omit<ProjectLinkAcrossYears, "year" | "previous"> | null;
  readonly indicators: readonly IndicatorStep[];
}

/** A year prefix, a list number or a form title around a project name: `2024年`, `3.`, `…绩效目标表`. */
const NAME_NOISE = /^\s*\d+[.、．]\s*|(?:项目)?绩效目标(?:申报)?表$|^(?:19|20)\d{2}年度?/gu;

/** What a project is compared by, computed once per project rather than once per pair. */
interface ProjectFeatures {
  readonly code: string | null;
  readonly name: string;
  /** The folded indicator names, in order. */
  readonly names: readonly string[];
  readonly indicators: ReadonlySet<string>;
  readonly goals: Uint32Array | null;
}

/**
 * The character pairs of a text, as sorted distinct numbers: a cheap, length-independent fingerprint for
 * comparing long goal texts.
 */
function bigrams(text: string): Uint32Array {
  const pairs = new Uint32Array(Math.max(0, text.length - 1));
  for (let i = 0; i + 1 < text.length; i++) pairs[i] = ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;
  pairs.sort();
  let n = 0;
  for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[n - 1]) pairs[n++] = pairs[i]!;
  return pairs.subarray(0, n);
}

/** Dice overlap of two sorted sets of numbers in [0, 1]. */
function sortedOverlap(a: Uint32Array, b: Uint32Array): number {
  if (a.length + b.length === 0) return 1;
  let common = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

/** Dice overlap of two sets in [0, 1]. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 1;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Each project's features, kept while the project is: a year is compared with the one before and the one after. */
const projectFeatures = new WeakMap<TrendProjectInput, ProjectFeatures>();

function features(project: TrendProjectInput): ProjectFeatures {
  let f = projectFeatures.get(project);
  if (f) return f;
  const code = project.code === null ? null : foldName(project.code);
  const goals = foldName(project.goals.join(""));
  const names = project.indicators.map((i) => foldName(i.level3 ?? i.description));
  f = {
    code: code === "" ? null : code,
    name: foldName((project.name ?? project.title ?? "").replace(NAME_NOISE, "")),
    names,
    indicators: new Set(names),
    goals: goals === "" ? null : bigrams(goals),
  };
  projectFeatures.set(project, f);
  return f;
}

/**
 * Scores a project of one year against a project of the next: the same 项目编码 links outright; otherwise
 * the name and the content (indicator names, goal text) must be alike enough — a renamed project still links
 * by its content, and two projects of one name still link when everything else changed.
 */
function projectScore(a: ProjectFeatures, b: ProjectFeatures): ProjectStep["link"] {
  const code = a.code !== null && a.code === b.code;
  const name = similarity(a.name, b.name);
  const indicators = overlap(a.indicators, b.indicators);
  const goals = a.goals !== null && b.goals !== null ? sortedOverlap(a.goals, b.goals) : null;
  const content = goals === null ? indicators : 0.6 * indicators + 0.4 * goals;
  const why = { code, name: round(name), indicators: round(indicators), goals: goals === null ? null : round(goals) };
  if (code) return { score: 1, basis: "code", why };
  if (name >= 0.8) return { score: round(0.6 * name + 0.4 * content), basis: "name", why };
  if (content >= 0.6 && name >= 0.3) return { score: round(0.4 * name + 0.6 * content), basis: "content", why };
  if (content >= 0.8) return { score: round(0.3 * name + 0.6 * content), basis: "content", why };
  return null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** What an indicator is compared by: its folded name, category keys and folded unit. */
interface IndicatorFeatures {
  readonly name: string;
  readonly categories: CategoryKeys;
  readonly unit: string;
}

const indicatorFeatures = new WeakMap<Indicator, IndicatorFeatures>();

function indicatorFeaturesOf(indicator: Indicator, categories: Categories): IndicatorFeatures {
  let f = indicatorFeatures.get(indicator);
  if (!f) {
    f = {
      name: foldName(indicator.level3 ?? indicator.description),
      categories: categoryKeys(indicator, categories),
      unit: foldName(indicator.value.unit),
    };
    indicatorFeatures.set(indicator, f);
  }
  return f;
}

type Why = NonNullable<IndicatorStep["why"]>;

function indicatorWhy(a: IndicatorFeatures, b: IndicatorFeatures): Why {
  return {
    name: round(similarity(a.name, b.name)),
    category: keysAgree(a.categories, b.categories),
    unit: a.unit === b.unit,
  };
}

/** A pair is acceptable when the names are alike, or half alike in the same category; scored by name, category, unit. */
function indicatorScore(w: Why): number | null {
  if (w.name < 0.75 && !(w.name >= 0.5 && w.category === true)) return null;
  return 0.6 * w.name + (w.category === true ? 0.25 : w.category === null ? 0.1 : 0) + (w.unit ? 0.15 : 0);
}

/**
 * Links the indicators of two linked projects as a global assignment: names alike, or names half alike in
 * the same category. The score weighs the name, the category and the unit. When both years list the same
 * names in the same order (a project carried over), the indicators are paired in order without the assignment.
 */
export function linkIndicators(
  earlier: readonly Indicator[],
  later: readonly Indicator[],
  categories: Categories,
): IndicatorStep[] {
  const a = earlier.map((i) => indicatorFeaturesOf(i, categories));
  const b = later.map((i) => indicatorFeaturesOf(i, categories));
  const whys = new Map<number, Why>();
  const sameList = a.length === b.length && a.every((f, i) => f.name === b[i]!.name && f.name !== "");
  const pairs = sameList
    ? a.map((_, i) => {
        const w = indicatorWhy(a[i]!, b[i]!);
        whys.set(i * b.length + i, w);
        return { left: i, right: i, score: indicatorScore(w) ?? 0.6 };
      })
    : assign(earlier.length, later.length, (i, j) => {
        const w = indicatorWhy(a[i]!, b[j]!);
        whys.set(i * b.length + j, w);
        return indicatorScore(w);
      });
  const steps: IndicatorStep[] = pairs
    .sort((x, y) => x.right - y.right)
    .map((p) => ({
      earlier: earlier[p.left]!,
      earlierIndex: p.left,
      later: later[p.right]!,
      laterIndex: p.right,
      score: round(p.score),
      why: whys.get(p.left * b.length + p.right)!,
    }));
  const linkedEarlier = new Set(pairs.map((p) => p.left));
  const linkedLater = new Set(pairs.map((p) => p.right));
  later.forEach((indicator, j) => {
    if (!linkedLater.has(j))
      steps.push({ earlier: null, earlierIndex: null, later: indicator, laterIndex: j, score: 0, why: null });
  });
  earlier.forEach((indicator, i) => {
    if (!linkedEarlier.has(i))
      steps.push({ earlier: indicator, earlierIndex: i, later: null, laterIndex: null, score: 0, why: null });
  });
  return steps;
}

/**
 * Links the projects of a department's two consecutive years (a global one-to-one assignment, as between
 * the two parts of one document), then each linked pair's indicators. Unlinked projects are kept on their
 * side: new in the later year, ended after the earlier one. Later-year projects come first, in their order.
 */
export function linkYears(
  earlier: readonly TrendProjectInput[],
  later: readonly TrendProjectInput[],
  categories: Categories,
): ProjectStep[] {
  const a = earlier.map(features);
  const b = later.map(features);
  const links = new Map<string, ProjectStep["link"]>();
  const pairs = assign(earlier.length, later.length, (i, j) => {
    const link = projectScore(a[i]!, b[j]!);
    if (link) links.set(`${i}:${j}`, link);
    return link?.score ?? null;
  });
  const byLater = new Map(pairs.map((p) => [p.right, p.left]));
  const steps: ProjectStep[] = later.map((project, j) => {
    const i = byLater.get(j);
    if (i === undefined)
      return {
        earlier: null,
        earlierIndex: null,
        later: project,
        laterIndex: j,
        link: null,
        indicators: linkIndicators([], project.indicators, categories),
      };
    return {
      earlier: earlier[i]!,
      earlierIndex: i,
      later: project,
      laterIndex: j,
      link: links.get(`${i}:${j}`)!,
      indicators: linkIndicators(earlier[i]!.indicators, project.indicators, categories),
    };
  });
  const linked = new Set(pairs.map((p) => p.left));
  earlier.forEach((project, i) => {
    if (!linked.has(i))
      steps.push({
        earlier: project,
        earlierIndex: i,
        later: null,
        laterIndex: null,
        link: null,
        indicators: linkIndicators(project.indicators, [], categories),
      });
  });
  return steps;
}
