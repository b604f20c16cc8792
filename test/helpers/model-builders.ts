/**
 * Builders for hand-made model objects (Part 2 table rows and projects, Part 1 indicator sentences,
 * projects and the narrative). Every builder runs its result through the zod schema of src/model, so a
 * change to the model breaks these builders rather than silently letting the tests drift from it.
 * Values are always given as written (`"≥80%"`) and parsed with the real `parseIndicatorValue`.
 */
import { defaultConfig } from "../../src/config/index.js";
import {
  type CellRef,
  type ComparisonOp,
  type Indicator,
  IndicatorSchema,
  type IndicatorValue,
  type Narrative,
  type NarrativeIndicator,
  NarrativeIndicatorSchema,
  type NarrativeProject,
  NarrativeProjectSchema,
  NarrativeSchema,
  type ParagraphRef,
  type Project,
  ProjectSchema,
} from "../../src/model/schema.js";
import { buildCategories } from "../../src/normalise/categories.js";
import { parseIndicatorValue } from "../../src/normalise/value.js";

const categories = buildCategories(defaultConfig());

/** The 一级指标 of a 二级指标 in the default vocabulary (数量指标 → 产出指标), or null. */
function parentOf(level2: string | null | undefined): string | null {
  return level2 ? categories.parentOf(level2) : null;
}

/** The levels shared by both parts; `level1` defaults to the parent of `level2` in the default vocabulary. */
export interface LevelsInput {
  readonly level1?: string | null;
  readonly level2?: string | null;
  readonly level3?: string | null;
  readonly description?: string | null;
  /** The 指标值 as written; parsed with `parseIndicatorValue`. */
  readonly value: string;
}

export interface TableIndicatorInput extends LevelsInput {
  readonly basis?: string | null;
  readonly weight?: number | null;
  readonly extra?: Record<string, string>;
  /** The value cell; defaults to table 1, row `row` (default 2), column 4. */
  readonly at?: CellRef;
  readonly row?: number;
}

/** A Part 2 indicator row. `description` defaults to the 三级指标 repeated, as the reference's tables do. */
export function tableIndicator(input: TableIndicatorInput): Indicator {
  const level3 = input.level3 ?? null;
  return IndicatorSchema.parse({
    level1: input.level1 === undefined ? parentOf(input.level2) : input.level1,
    level2: input.level2 ?? null,
    level3,
    description: input.description === undefined ? level3 : input.description,
    value: parseIndicatorValue(input.value),
    basis: input.basis ?? null,
    weight: input.weight ?? null,
    direction: null,
    extra: input.extra ?? {},
    at: input.at ?? { table: 1, row: input.row ?? 2, col: 4 },
  } satisfies Indicator);
}

export interface NarrativeIndicatorInput extends LevelsInput {
  readonly seq: number;
  readonly inferred?: readonly ("level1" | "level2")[];
  /** Defaults to paragraph 10 + seq. */
  readonly at?: ParagraphRef;
  /** Defaults to a sentence built from the levels and value. */
  readonly sentence?: string;
}

/** A Part 1 indicator sentence. `description` defaults to null (the sentence gives none). */
export function narrativeIndicator(input: NarrativeIndicatorInput): NarrativeIndicator {
  const level1 = input.level1 === undefined ? parentOf(input.level2) : input.level1;
  const level2 = input.level2 ?? null;
  const level3 = input.level3 ?? null;
  const levels = [level1, level2, level3].filter((l): l is string => l !== null).join("--");
  return NarrativeIndicatorSchema.parse({
    seq: input.seq,
    level1,
    level2,
    level3,
    description: input.description ?? null,
    value: parseIndicatorValue(input.value),
    inferred: [...(input.inferred ?? [])],
    at: input.at ?? { paragraph: 10 + input.seq, seq: input.seq },
    sentence: input.sentence ?? `${input.seq}、${levels}，指标值：${input.value}；`,
  } satisfies NarrativeIndicator);
}

const QUARTERS = ["第一季度", "第二季度", "第三季度", "第四季度"];

export interface TableProjectInput {
  readonly name: string | null;
  readonly title?: string | null;
  readonly code?: string | null;
  readonly department?: string | null;
  readonly unit?: string | null;
  /** 预算数 in 元; the budget's `fiscal` defaults to it and `other` to null. */
  readonly total?: number | null;
  readonly budget?: {
    readonly total?: number | null;
    readonly fiscal?: number | null;
    readonly other?: number | null;
    readonly superior?: number | null;
  };
  readonly purpose?: string | null;
  /** Cumulative percentages per period (quarters when four or fewer); default 25/50/75/100. */
  readonly spendPlan?: readonly (number | null)[];
  readonly goals?: readonly string[];
  readonly indicators?: readonly Indicator[];
  /** The score the indicator block's caption states (年度绩效目标(90分)); default null. */
  readonly weightTotal?: number | null;
}

/** A Part 2 project (header table and indicator table). */
export function tableProject(input: TableProjectInput): Project {
  const total = input.budget?.total !== undefined ? input.budget.total : (input.total ?? null);
  const plan = input.spendPlan ?? [25, 50, 75, 100];
  return ProjectSchema.parse({
    kind: "project",
    title: input.title !== undefined ? input.title : input.name === null ? null : `${input.name}绩效目标表`,
    department: input.department ?? "304001玉田县商务和投资促进局本级",
    unit: input.unit !== undefined ? input.unit : "元",
    code: input.code ?? null,
    name: input.name,
    budget: {
      total,
      fiscal: input.budget?.fiscal !== undefined ? input.budget.fiscal : total,
      other: input.budget?.other ?? null,
      superior: input.budget?.superior ?? null,
      midTermTotal: null,
      derived: [],
      notes: {},
    },
    purpose: input.purpose ?? null,
    spendPlan: plan.map((percent, k) => ({
      period: plan.length <= QUARTERS.length ? QUARTERS[k]! : `第${k + 1}期`,
      percent,
      at: { table: 0, row: 6, col: 2 + k },
    })),
    goals: [...(input.goals ?? [])],
    longTermGoals: [],
    indicators: [...(input.indicators ?? [])],
    midTermIndicators: [],
    weightTotal: input.weightTotal ?? null,
    duties: [],
    tables: { header: 0, indicators: 1 },
    locations: {},
  } satisfies Project);
}

export interface NarrativeProjectInput {
  readonly name: string;
  /** In 元; default null. */
  readonly amount?: number | null;
  /** The amount in the project list, in 元; defaults to `amount`. */
  readonly listedAmount?: number | null;
  readonly declaredLevel1Count?: number | null;
  readonly declaredIndicatorCount?: number | null;
  readonly goal?: string | null;
  readonly indicators?: readonly NarrativeIndicator[];
  readonly at?: ParagraphRef;
}

/** A Part 1 project section. */
export function narrativeProject(input: NarrativeProjectInput): NarrativeProject {
  const amount = input.amount ?? null;
  return NarrativeProjectSchema.parse({
    name: input.name,
    amount,
    listedAmount: input.listedAmount !== undefined ? input.listedAmount : amount,
    declaredLevel1Count: input.declaredLevel1Count ?? null,
    declaredIndicatorCount: input.declaredIndicatorCount ?? null,
    goal: input.goal ?? null,
    indicators: [...(input.indicators ?? [])],
    at: input.at ?? { paragraph: 8, seq: null },
  } satisfies NarrativeProject);
}

export interface NarrativeInput {
  readonly projects: readonly NarrativeProject[];
  /**
   * 项目支出总额 in 元. Defaults to the sum of the projects' amounts (amount, else listed amount),
   * or null when any is unknown; pass null explicitly for a narrative that states no total.
   */
  readonly totalBudget?: number | null;
  readonly totalAt?: ParagraphRef | null;
  /** Defaults to the projects' names with their listed amounts. */
  readonly listedProjects?: readonly { readonly name: string; readonly amount: number | null }[];
}

/** A whole Part 1. */
export function narrative(input: NarrativeInput): Narrative {
  const amounts = input.projects.map((p) => p.amount ?? p.listedAmount);
  const sum =
    amounts.length > 0 && amounts.every((a) => a !== null) ? amounts.reduce<number>((s, a) => s + a!, 0) : null;
  const totalBudget = input.totalBudget !== undefined ? input.totalBudget : sum;
  return NarrativeSchema.parse({
    totalBudget,
    totalAt: input.totalAt !== undefined ? input.totalAt : totalBudget === null ? null : { paragraph: 3, seq: null },
    listedProjects: (input.listedProjects ?? input.projects.map((p) => ({ name: p.name, amount: p.listedAmount }))).map(
      (p) => ({ ...p }),
    ),
    projects: [...input.projects],
  } satisfies Narrative);
}

/** An expected quantitative value, as the value grammar gives it (`upper` null and the unit known unless said). */
export function quant(
  raw: string,
  op: ComparisonOp,
  number: number,
  unit: string | null,
  extra: { upper?: number; unitKnown?: boolean } = {},
): IndicatorValue {
  return {
    raw,
    kind: "quantitative",
    op,
    number,
    upper: extra.upper ?? null,
    unit,
    unitKnown: extra.unitKnown ?? true,
  };
}

/** An expected qualitative value: the text as written, nothing else. */
export function qual(raw: string): IndicatorValue {
  return { raw, kind: "qualitative", op: null, number: null, upper: null, unit: null, unitKnown: true };
}
