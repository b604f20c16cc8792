import { z } from "zod";
import type { RuleSettings } from "../reconcile/settings.js";
import { TrendsConfigSchema, UserTrendsConfigSchema } from "../trends/schema.js";

const Aliases = z.array(z.string().min(1)).min(1);

/** Header-table fields recognised by label. */
export const HEADER_FIELDS = [
  "code",
  "name",
  "department",
  "submitter",
  "budgetBlock",
  "total",
  "fiscal",
  "other",
  "superior",
  "purpose",
  "spendPlan",
  "goals",
  "longTermGoals",
  "duties",
] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** Indicator-table column roles. */
export const COLUMN_ROLES = [
  "level1",
  "level2",
  "level3",
  "description",
  "value",
  "basis",
  "unit",
  "nature",
  "direction",
  "weight",
] as const;

/** Columns of a whole-department form's 年度履职目标 block. */
export const DUTY_ROLES = ["function", "task", "item", "amount"] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

/** The two indicator sets a table may hold side by side. */
export const INDICATOR_SETS = ["midTerm", "annual"] as const;
export type IndicatorSet = (typeof INDICATOR_SETS)[number];
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** The comparisons an operator word may state. */
export const VALUE_OPS = [">=", "<=", ">", "<", "="] as const;
export type ValueOp = (typeof VALUE_OPS)[number];

const Words = z.array(z.string().min(1));
const OpWords = z.partialRecord(z.enum(VALUE_OPS), Words);

/** The value grammar's words: one grammar for Part 1 sentences and Part 2 cells. */
export const ValueWordsSchema = z.object({
  operators: OpWords,
  suffixOperators: OpWords,
  leadWords: OpWords,
  percent: Words,
  units: Words,
  unitPrefixes: Words,
  notUnits: Words,
});
export type ValueWords = z.infer<typeof ValueWordsSchema>;

/** The phrases Part 1 is read by. */
export const NARRATIVE_PHRASES = [
  "valueMarkers",
  "valueConnectors",
  "level1Count",
  "indicatorCount",
  "indicatorCountLead",
  "goalLabels",
  "indicatorLabels",
  "totalLabels",
  "totalConnectors",
  "listLeads",
  "part2Headings",
] as const;
export type NarrativePhrase = (typeof NARRATIVE_PHRASES)[number];
const NarrativePhrasesSchema = z.object(
  Object.fromEntries(NARRATIVE_PHRASES.map((k) => [k, Words])) as Record<NarrativePhrase, typeof Words>,
);

/** The label configuration: the single source of what the YAML file may say. */
export const LabelConfigSchema = z.object({
  header: z.object(Object.fromEntries(HEADER_FIELDS.map((f) => [f, Aliases])) as Record<HeaderField, typeof Aliases>),
  unitPrefixes: z.array(z.string().min(1)),
  moneyUnits: z.record(z.string().min(1), z.number().positive()),
  indicatorColumns: z.object(
    Object.fromEntries(COLUMN_ROLES.map((r) => [r, Aliases])) as Record<ColumnRole, typeof Aliases>,
  ),
  extraColumns: z.array(z.string().min(1)),
  blockEnd: z.array(z.string().min(1)),
  otherLabels: z.array(z.string().min(1)),
  indicatorHeaderRequires: z.array(z.enum(COLUMN_ROLES)),
  indicatorHeaderRequiresAnyOf: z.array(z.enum(COLUMN_ROLES)),
  categories: z.record(z.string().min(1), z.array(z.string().min(1))),
  categoryAliases: z.record(z.string().min(1), z.string().min(1)),
  dutyColumns: z.object(Object.fromEntries(DUTY_ROLES.map((r) => [r, Aliases])) as Record<DutyRole, typeof Aliases>),
  indicatorSets: z.object(
    Object.fromEntries(INDICATOR_SETS.map((r) => [r, Aliases])) as Record<IndicatorSet, typeof Aliases>,
  ),
  values: ValueWordsSchema,
  narrative: NarrativePhrasesSchema,
  trends: TrendsConfigSchema.describe("The year-over-year rules: on/off, severity and thresholds."),
  /** The rule set in force (see config/rules.yaml and `--rules`); the built-in one when absent. Checked by its loader. */
  rules: z.custom<RuleSettings>((v) => typeof v === "object" && v !== null).optional(),
});
export type LabelConfig = z.infer<typeof LabelConfigSchema>;

/** A user's file: any part may be given; lists given replace or extend the built-in ones. */
export const UserConfigSchema = z
  .object({
    extends: z
      .enum(["default", "none"])
      .default("default")
      .describe("'default' adds your aliases to the built-in ones; 'none' replaces them."),
    header: z
      .object(
        Object.fromEntries(HEADER_FIELDS.map((f) => [f, z.array(z.string().min(1))])) as Record<
          HeaderField,
          z.ZodArray<z.ZodString>
        >,
      )
      .partial()
      .strict()
      .optional(),
    unitPrefixes: z.array(z.string().min(1)).optional(),
    moneyUnits: z.record(z.string().min(1), z.number().positive()).optional(),
    indicatorColumns: z
      .object(
        Object.fromEntries(COLUMN_ROLES.map((r) => [r, z.array(z.string().min(1))])) as Record<
          ColumnRole,
          z.ZodArray<z.ZodString>
        >,
      )
      .partial()
      .strict()
      .optional(),
    extraColumns: z.array(z.string().min(1)).optional(),
    blockEnd: z.array(z.string().min(1)).optional(),
    otherLabels: z.array(z.string().min(1)).optional(),
    indicatorHeaderRequires: z.array(z.enum(COLUMN_ROLES)).optional(),
    indicatorHeaderRequiresAnyOf: z.array(z.enum(COLUMN_ROLES)).optional(),
    categories: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
    categoryAliases: z.record(z.string().min(1), z.string().min(1)).optional(),
    dutyColumns: z
      .object(
        Object.fromEntries(DUTY_ROLES.map((r) => [r, z.array(z.string().min(1))])) as Record<
          DutyRole,
          z.ZodArray<z.ZodString>
        >,
      )
      .partial()
      .strict()
      .optional(),
    indicatorSets: z
      .object(
        Object.fromEntries(INDICATOR_SETS.map((r) => [r, z.array(z.string().min(1))])) as Record<
          IndicatorSet,
          z.ZodArray<z.ZodString>
        >,
      )
      .partial()
      .strict()
      .optional(),
    values: ValueWordsSchema.partial().strict().optional(),
    narrative: NarrativePhrasesSchema.partial().strict().optional(),
    trends: UserTrendsConfigSchema.optional(),
  })
  .strict();
export type UserConfig = z.infer<typeof UserConfigSchema>;
