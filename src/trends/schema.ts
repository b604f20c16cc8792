import { z } from "zod";
import { CellRefSchema, DepartmentSchema, ParagraphRefSchema, SeveritySchema } from "../model/schema.js";

/** Bumped whenever a field of trends.json changes meaning or shape. */
export const TRENDS_SCHEMA_VERSION = "1.0.0";

/** The year-over-year rules, in the order their findings are listed. */
export const TREND_RULE_IDS = [
  "trend-project-added",
  "trend-project-ended",
  "trend-budget-changed",
  "trend-outputs-flat",
  "trend-target-lowered",
  "trend-target-raised",
  "trend-indicator-dropped",
  "trend-indicator-added",
  "trend-text-copied",
] as const;
export const TrendRuleIdSchema = z.enum(TREND_RULE_IDS);
export type TrendRuleId = z.infer<typeof TrendRuleIdSchema>;

/** One rule's setting: on or off, its severity and, for the budget rules, the relative change that counts. */
export const TrendRuleSettingSchema = z
  .object({
    enabled: z.boolean(),
    severity: SeveritySchema,
    threshold: z
      .number()
      .min(0)
      .nullable()
      .describe("For trend-budget-changed and trend-outputs-flat: the relative budget change beyond which they fire."),
  })
  .strict();
export type TrendRuleSetting = z.infer<typeof TrendRuleSettingSchema>;

/** Every trend rule's setting (the `trends` section of the YAML configuration). */
export const TrendsConfigSchema = z
  .object(
    Object.fromEntries(TREND_RULE_IDS.map((id) => [id, TrendRuleSettingSchema])) as Record<
      TrendRuleId,
      typeof TrendRuleSettingSchema
    >,
  )
  .strict();
export type TrendsConfig = z.infer<typeof TrendsConfigSchema>;

const UserTrendRuleSettingSchema = TrendRuleSettingSchema.partial().strict();

/** A user's `trends` section: any rule, any field of it; an unknown rule id is an error. */
export const UserTrendsConfigSchema = z
  .object(
    Object.fromEntries(TREND_RULE_IDS.map((id) => [id, UserTrendRuleSettingSchema])) as Record<
      TrendRuleId,
      typeof UserTrendRuleSettingSchema
    >,
  )
  .partial()
  .strict();
export type UserTrendsConfig = z.infer<typeof UserTrendsConfigSchema>;

const Location = z.union([CellRefSchema, ParagraphRefSchema]).nullable();

/** Why two indicators of linked projects were linked: name similarity, category agreement, same unit. */
export const IndicatorLinkSchema = z.object({
  previous: z.number().int().nonnegative().describe("Index of the indicator in the previous year's project."),
  score: z.number(),
  why: z.object({
    name: z.number().describe("Similarity of the 三级指标 names, 0–1."),
    category: z.boolean().nullable().describe("Same 一级/二级指标; null when one side names none."),
    unit: z.boolean().describe("Same unit (or both without one)."),
  }),
});

/** Why two projects of consecutive years were linked. */
export const ProjectLinkAcrossYearsSchema = z.object({
  year: z.number().int().describe("The previous year the project is linked to."),
  previous: z.number().int().nonnegative().describe("Index of the project in that year's projects."),
  score: z.number(),
  basis: z
    .enum(["code", "name", "content"])
    .describe("What decided the link: the same 项目编码, the name, or content."),
  why: z.object({
    code: z.boolean().describe("Same 项目编码."),
    name: z.number().describe("Similarity of the names, 0–1."),
    indicators: z.number().describe("Overlap of the indicator names, 0–1."),
    goals: z.number().nullable().describe("Similarity of the goal texts, 0–1; null when one side has none."),
  }),
});
export type ProjectLinkAcrossYears = z.infer<typeof ProjectLinkAcrossYearsSchema>;

export const TrendIndicatorSchema = z.object({
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  level3: z.string().nullable(),
  value: z.string().describe("指标值 as written."),
  at: CellRefSchema,
  link: IndicatorLinkSchema.nullable().describe("Its counterpart in the previous year; null when it has none."),
});

export const TrendProjectSchema = z.object({
  code: z.string().nullable(),
  name: z.string().nullable(),
  budget: z.number().nullable().describe("预算数 in 元."),
  link: ProjectLinkAcrossYearsSchema.nullable().describe(
    "Its counterpart in the previous year; null when it has none.",
  ),
  indicators: z.array(TrendIndicatorSchema),
});
export type TrendProject = z.infer<typeof TrendProjectSchema>;

export const TrendYearSchema = z.object({
  year: z.number().int(),
  document: z.string().describe("The document read for this year (its source path)."),
  duplicates: z.array(z.string()).describe("Other documents of the same department and year, not compared."),
  budget: z.number().describe("The sum of the projects' 预算数, in 元."),
  projects: z.array(TrendProjectSchema),
});
export type TrendYear = z.infer<typeof TrendYearSchema>;

/** One side of a change: the document and the place in it. */
export const TrendEvidenceSchema = z.object({
  year: z.number().int(),
  document: z.string(),
  at: Location,
  text: z.string().nullable().describe("The indicator row, goal or project as written."),
});
export type TrendEvidence = z.infer<typeof TrendEvidenceSchema>;

const Value = z.union([z.string(), z.number()]).nullable();

/** A change between two years of one department: a finding of category "trend". */
export const TrendChangeSchema = z.object({
  rule: TrendRuleIdSchema,
  category: z.literal("trend"),
  severity: SeveritySchema,
  title: z.string().describe("The rule's Chinese title."),
  message: z.string().describe("Chinese, for the reader."),
  department: DepartmentSchema,
  project: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  indicator: z.string().nullable().describe("The 三级指标, when the change is about one indicator."),
  from: Value.describe("The earlier year's value (target, budget in 元, text); null when there was none."),
  to: Value.describe("The later year's value; null when there is none."),
  years: z.tuple([z.number().int(), z.number().int()]).describe("[earlier, later]"),
  evidence: z
    .object({ earlier: TrendEvidenceSchema, later: TrendEvidenceSchema })
    .describe("Each year's document, and where in it (at and text null when that year has nothing to show)."),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type TrendChange = z.infer<typeof TrendChangeSchema>;

export const TrendDepartmentSchema = z.object({
  key: z.string().describe("The normalised name the department's documents were matched by."),
  department: DepartmentSchema,
  names: z.array(z.string()).describe("Every spelling of the department seen (code and name as written)."),
  years: z.array(TrendYearSchema),
});
export type TrendDepartment = z.infer<typeof TrendDepartmentSchema>;

/** trends.json: per department its years and projects with their links, and every change found. */
export const TrendsReportSchema = z.object({
  schemaVersion: z.literal(TRENDS_SCHEMA_VERSION),
  departments: z.array(TrendDepartmentSchema).describe("Departments with documents of two or more years."),
  changes: z.array(TrendChangeSchema),
  unplaced: z
    .array(z.object({ document: z.string(), reason: z.enum(["no-department", "no-year"]) }))
    .describe("Documents left out because their department or year is unknown."),
});
export type TrendsReport = z.infer<typeof TrendsReportSchema>;
