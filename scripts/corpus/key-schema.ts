/**
 * The schema of a corpus answer key (test/corpus/<name>.key.json). A key is written by hand from the
 * document, never from the tool's output. It holds a subset of the output model, compared only on the
 * keys it has (arrays must match in length): the Part 2 projects in the variant keys' format, Part 1 as
 * in the golden narrative key (a level may be null or absent when the sentence omits it, `alt` lists the
 * other acceptable readings), the findings in the golden findings format, and the completeness expected.
 */
import { z } from "zod";

const Op = z.enum([">=", "<=", ">", "<", "=", "between"]);

/** A table indicator value: raw, kind, op, number and unit (`upper` for a range). */
export const KeyValueSchema = z.strictObject({
  raw: z
    .string()
    .optional()
    .describe("Left out where the value is combined from several columns (operator, number, unit)."),
  kind: z.enum(["quantitative", "qualitative"]),
  op: Op.nullable(),
  number: z.number().nullable(),
  upper: z.number().nullable().optional(),
  unit: z.string().nullable(),
});

export const KeyIndicatorSchema = z.strictObject({
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  level3: z.string().nullable(),
  description: z.string().nullable().optional(),
  value: KeyValueSchema,
  weight: z.number().nullable().optional(),
  basis: z.string().nullable().optional(),
  extra: z.record(z.string(), z.string()).optional(),
});

export const KeyBudgetSchema = z.strictObject({
  total: z.number().nullable(),
  fiscal: z.number().nullable(),
  other: z.number().nullable(),
  superior: z.number().nullable().optional(),
});

export const KeyProjectSchema = z.strictObject({
  kind: z.enum(["project", "department"]).optional(),
  title: z.string().nullable().optional(),
  department: z.string().nullable().optional(),
  unit: z.string().nullable().optional(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  budget: KeyBudgetSchema,
  purpose: z.string().nullable().optional(),
  spendPlan: z.array(z.strictObject({ period: z.string(), percent: z.number().nullable() })).optional(),
  goals: z.array(z.string()).optional(),
  longTermGoals: z.array(z.string()).optional(),
  indicators: z.array(KeyIndicatorSchema),
  midTermIndicators: z.array(KeyIndicatorSchema).optional(),
  duties: z.array(z.unknown()).optional(),
});

/** A Part 1 indicator: quantitative values give op/number/unit, qualitative ones only kind. */
export const KeyNarrativeIndicatorSchema = z.strictObject({
  seq: z.number().int().positive().optional(),
  level1: z.string().nullable().optional(),
  level2: z.string().nullable().optional(),
  level3: z.string(),
  value: z.union([
    z.strictObject({
      raw: z.string().optional(),
      kind: z.literal("quantitative"),
      op: Op,
      number: z.number(),
      upper: z.number().nullable().optional(),
      unit: z.string().nullable(),
    }),
    z.strictObject({ raw: z.string().optional(), kind: z.literal("qualitative") }),
  ]),
  alt: z.strictObject({ level1: z.array(z.string()).optional(), level2: z.array(z.string()).optional() }).optional(),
});

export const KeyNarrativeProjectSchema = z.strictObject({
  name: z.string(),
  amount: z.number().nullable(),
  declaredLevel1Count: z.number().int().nullable().optional(),
  declaredIndicatorCount: z.number().int().nullable().optional(),
  indicators: z.array(KeyNarrativeIndicatorSchema),
});

export const KeyNarrativeSchema = z.strictObject({
  totalBudget: z.number().nullable(),
  projects: z.array(KeyNarrativeProjectSchema),
});

/** A finding the document calls for (required) or allows (not required), as in the golden findings key. */
export const KeyFindingSchema = z.strictObject({
  id: z.string(),
  project: z.string().describe("A fragment of the project's name; '' for any project."),
  rules: z.array(z.string()).min(1),
  names: z.array(z.string()).describe("Indicator names (narrative or table level3); [] for none."),
  required: z.boolean(),
  why: z.string(),
});

/** Reason codes of a partial read (the completeness field of issue 11 item 10). */
export const CompletenessReasonCodeSchema = z.enum([
  "no-part1",
  "project-without-indicators",
  "unmapped-labels",
  "indicator-without-value",
  "budget-missing",
  "declared-count-exceeds-read",
]);

export const CorpusKeySchema = z.strictObject({
  about: z.string().min(1),
  writer: z.enum(["docx library", "LibreOffice ← HTML", "LibreOffice ← HTML → .doc"]),
  source: z.strictObject({
    province: z.string(),
    year: z.number().int().min(2018).max(2025),
    form: z.string(),
    model: z.string().describe("Where the layout comes from: the published form found, with its address."),
    completedByHand: z.string(),
  }),
  department: z
    .strictObject({ code: z.string().nullable(), name: z.string() })
    .nullable()
    .optional()
    .describe("The document's department; null when the document names none; absent when not asserted."),
  projects: z.array(KeyProjectSchema).min(1),
  narrative: KeyNarrativeSchema.nullable().describe("null: the document has no Part 1."),
  findings: z.strictObject({
    entries: z.array(KeyFindingSchema),
    mustNotFind: z.array(z.strictObject({ rule: z.string() })),
  }),
  completeness: z.strictObject({
    status: z.enum(["complete", "partial", "unread"]),
    reasons: z.array(CompletenessReasonCodeSchema),
  }),
});
export type CorpusKey = z.infer<typeof CorpusKeySchema>;
