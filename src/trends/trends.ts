import type { LabelConfig } from "../config/index.js";
import type { Department, JixiaoDocument } from "../model/schema.js";
import { buildCategories } from "../normalise/categories.js";
import { moneyUnitFactors } from "../text.js";
import type { TrendContext } from "./change.js";
import { departmentKey, departmentLabel } from "./department.js";
import { linkYears, type ProjectStep, type TrendProjectInput } from "./link.js";
import { TREND_RULES } from "./rules/index.js";
import {
  TREND_RULE_IDS,
  TRENDS_SCHEMA_VERSION,
  type TrendChange,
  type TrendDepartment,
  type TrendProject,
  type TrendsReport,
  type TrendYear,
} from "./schema.js";

/** What the trends need of a document: who, when, and its projects (slim, so a large batch can keep them all). */
export interface TrendDocumentInput {
  readonly source: string;
  readonly department: Department | null;
  readonly year: number | null;
  readonly projects: readonly TrendProjectInput[];
}

/** The part of a document the trends read; null for an input that could not be processed. */
export function trendInput(doc: JixiaoDocument): TrendDocumentInput | null {
  if (doc.error !== null) return null;
  return {
    source: doc.source.path,
    department: doc.department,
    year: doc.year?.value ?? null,
    projects: doc.projects.map(({ code, name, title, budget, goals, indicators, locations }) => ({
      code,
      name,
      title,
      budget,
      goals,
      indicators,
      locations,
    })),
  };
}

interface DepartmentGroup {
  readonly key: string;
  readonly documents: TrendDocumentInput[];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Follows each department across its submissions: documents are grouped by department (matched by
 * normalised name) and year; within a department, each year's projects are linked to the previous year's
 * present, their indicators too, and every rule of the configuration's `trends` section reports the changes.
 * A department with one year gives no changes. Several documents of one department and year: the first by
 * name is read, the others are listed as duplicates. Pure: the same documents give the same report.
 */
export function buildTrends(documents: readonly TrendDocumentInput[], config: LabelConfig): TrendsReport {
  const unplaced: TrendsReport["unplaced"] = [];
  const groups = new Map<string, DepartmentGroup>();
  for (const doc of [...documents].sort((a, b) => compare(a.source, b.source))) {
    if (doc.department === null) unplaced.push({ document: doc.source, reason: "no-department" });
    else if (doc.year === null) unplaced.push({ document: doc.source, reason: "no-year" });
    else {
      const key = departmentKey(doc.department);
      if (key === "") unplaced.push({ document: doc.source, reason: "no-department" });
      else if (groups.has(key)) groups.get(key)!.documents.push(doc);
      else groups.set(key, { key, documents: [doc] });
    }
  }
  const categories = buildCategories(config);
  const moneyUnits = moneyUnitFactors(config);
  const departments: TrendDepartment[] = [];
  const changes: TrendChange[] = [];
  for (const group of [...groups.values()].sort((a, b) => compare(a.key, b.key))) {
    const byYear = new Map<number, TrendDocumentInput[]>();
    for (const doc of group.documents) byYear.set(doc.year!, [...(byYear.get(doc.year!) ?? []), doc]);
    if (byYear.size < 2) continue;
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const latest = byYear.get(years.at(-1)!)![0]!;
    const department = latest.department!;
    const out: TrendYear[] = [];
    let previous: { year: number; doc: TrendDocumentInput } | null = null;
    for (const year of years) {
      const [doc, ...duplicates] = byYear.get(year)!;
      const steps = previous ? linkYears(previous.doc.projects, doc!.projects, categories) : null;
      out.push(yearEntry(year, doc!, duplicates, steps, previous?.year ?? null));
      if (previous && steps) {
        const ctx: TrendContext = {
          department,
          earlier: { year: previous.year, document: previous.doc.source },
          later: { year, document: doc!.source },
          categories,
          moneyUnits,
          settings: config.trends,
        };
        for (const step of steps) for (const id of TREND_RULE_IDS) changes.push(...TREND_RULES[id](step, ctx));
      }
      previous = { year, doc: doc! };
    }
    departments.push({
      key: group.key,
      department,
      names: [...new Set(group.documents.map((d) => departmentLabel(d.department!)))],
      years: out,
    });
  }
  return { schemaVersion: TRENDS_SCHEMA_VERSION, departments, changes, unplaced };
}

/** One year of a department: its projects in document order, each with its link to the previous year. */
function yearEntry(
  year: number,
  doc: TrendDocumentInput,
  duplicates: readonly TrendDocumentInput[],
  steps: readonly ProjectStep[] | null,
  previousYear: number | null,
): TrendYear {
  const byIndex = new Map((steps ?? []).filter((s) => s.laterIndex !== null).map((s) => [s.laterIndex!, s]));
  const projects = doc.projects.map((project, j): TrendProject => {
    const step = byIndex.get(j);
    const indicatorLinks = new Map(
      (step?.indicators ?? []).filter((i) => i.laterIndex !== null).map((i) => [i.laterIndex!, i]),
    );
    return {
      code: project.code,
      name: project.name ?? project.title,
      budget: project.budget.total,
      link:
        step?.link && step.earlierIndex !== null && previousYear !== null
          ? { year: previousYear, previous: step.earlierIndex, ...step.link }
          : null,
      indicators: project.indicators.map((indicator, k) => {
        const link = indicatorLinks.get(k);
        return {
          level1: indicator.level1,
          level2: indicator.level2,
          level3: indicator.level3,
          value: indicator.value.raw,
          at: indicator.at,
          link:
            link?.why && link.earlierIndex !== null
              ? { previous: link.earlierIndex, score: link.score, why: link.why }
              : null,
        };
      }),
    };
  });
  return {
    year,
    document: doc.source,
    duplicates: duplicates.map((d) => d.source),
    budget: doc.projects.reduce((sum, p) => sum + (p.budget.total ?? 0), 0),
    projects,
  };
}
