import { z } from "zod";
import { RULE_IDS, WARNING_CODES } from "./codes.js";

/** The document JSON's version (semver: a new field raises the minor, a removed or changed one the major; README). */
export const SCHEMA_VERSION = "2.0.0";

/** A cell of a table in the document: 0-based table index in document order and grid coordinates. */
export const CellRefSchema = z
  .object({
    table: z.number().int().nonnegative(),
    row: z.number().int().nonnegative(),
    col: z.number().int().nonnegative(),
  })
  .describe("Where a value was read in Part 2: table index in document order, grid row and column (0-based).");
export type CellRef = z.infer<typeof CellRefSchema>;

/** A place in the narrative: the paragraph index among the document's body blocks, and the sentence number. */
export const ParagraphRefSchema = z
  .object({
    paragraph: z.number().int().nonnegative(),
    seq: z.number().int().positive().nullable(),
  })
  .describe("Where a value was read in Part 1: paragraph index in document order and the indicator sentence number.");
export type ParagraphRef = z.infer<typeof ParagraphRefSchema>;

export const ComparisonOpSchema = z.enum([">=", "<=", ">", "<", "=", "between"]);
export type ComparisonOp = z.infer<typeof ComparisonOpSchema>;

/** A parsed 指标值: a comparison against a number with a unit, or qualitative text. */
export const IndicatorValueSchema = z.object({
  raw: z.string().describe("The value exactly as written (whitespace folded)."),
  kind: z.enum(["quantitative", "qualitative"]),
  op: ComparisonOpSchema.nullable(),
  number: z.number().nullable(),
  upper: z.number().nullable().describe("Upper bound when op is 'between'."),
  unit: z.string().nullable().describe("Canonical unit: '%' for 百分比/％, otherwise as written."),
  unitKnown: z.boolean().describe("False when the unit is not one we recognise (kept as written)."),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const IndicatorSchema = z.object({
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  level3: z.string().nullable(),
  description: z.string().nullable(),
  value: IndicatorValueSchema,
  basis: z.string().nullable().describe("指标值确定依据"),
  weight: z.number().nullable().describe("权重/分值 where the template has such a column."),
  direction: z
    .string()
    .nullable()
    .describe("指标方向性 (正向/反向) as written, where the template has such a column (or says it in 指标性质)."),
  extra: z.record(z.string(), z.string()).describe("Columns we do not model, keyed by their header, kept verbatim."),
  at: CellRefSchema.describe("The value cell."),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const BudgetSchema = z.object({
  total: z.number().nullable(),
  fiscal: z.number().nullable(),
  other: z.number().nullable(),
  superior: z.number().nullable().describe("上级资金 where the form has it."),
  midTermTotal: z
    .number()
    .nullable()
    .describe("The multi-year (中期/长期) total where the form gives one beside the year's total."),
  derived: z
    .array(z.enum(["total"]))
    .describe("Amounts not written but derived: a blank or missing total as the sum of its parts."),
  notes: z
    .record(z.string(), z.string())
    .describe("Commentary written with an amount (`854万(其中……)`), by field (total, fiscal, other, superior)."),
});

export const SpendPlanEntrySchema = z.object({
  period: z.string(),
  percent: z.number().nullable(),
  at: CellRefSchema,
});

export const DepartmentSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
});
export type Department = z.infer<typeof DepartmentSchema>;

/** A 年度履职目标 row of a whole-department form (部门整体支出绩效目标表). */
export const DutySchema = z.object({
  function: z.string().nullable().describe("职能"),
  task: z.string().nullable().describe("任务"),
  item: z.string().nullable().describe("支出项目"),
  amount: z.number().nullable().describe("金额, in 元."),
  at: CellRefSchema,
});
export type Duty = z.infer<typeof DutySchema>;

export const ProjectSchema = z.object({
  kind: z
    .enum(["project", "department"])
    .describe("A project's form, or a whole-department form (部门整体支出绩效目标表)."),
  title: z.string().nullable().describe("The heading above the project's tables."),
  department: z.string().nullable().describe("The department line above the header table, as written."),
  unit: z.string().nullable().describe("The money unit the document states for this project (元, 万元, …)."),
  code: z.string().nullable(),
  name: z.string().nullable(),
  budget: BudgetSchema.describe("Amounts in 元 whatever the document's unit; null when blank."),
  purpose: z.string().nullable(),
  spendPlan: z.array(SpendPlanEntrySchema),
  goals: z.array(z.string()).describe("One string per line of 绩效目标 (or 年度目标)."),
  longTermGoals: z.array(z.string()).describe("One string per line of 总体目标 / 中期目标, where the form has them."),
  indicators: z.array(IndicatorSchema).describe("The (annual) indicators."),
  midTermIndicators: z.array(IndicatorSchema).describe("The 中期 indicators where 中期 and 年度 sit side by side."),
  weightTotal: z
    .number()
    .nullable()
    .describe(
      "What the indicators' weights add up to where the form states it in the block's caption (年度绩效目标(90分)); null when it does not.",
    ),
  duties: z.array(DutySchema).describe("年度履职目标 rows of a whole-department form."),
  tables: z.object({
    header: z.number().int().nonnegative().nullable(),
    indicators: z.number().int().nonnegative().nullable(),
  }),
  locations: z.record(z.string(), CellRefSchema).describe("Where each header field was read, by field path."),
});
export type Project = z.infer<typeof ProjectSchema>;

/** The stable id of a warning (its wording is in model/warnings.ts). */
export const WarningCodeSchema = z.enum(WARNING_CODES);

/** The value of a message parameter. */
const ParamValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const WarningSchema = z.object({
  code: WarningCodeSchema,
  severity: z.enum(["warning", "info"]),
  message: z.string().describe("Chinese, for the reader."),
  at: z.union([CellRefSchema, ParagraphRefSchema]).nullable(),
  params: z.record(z.string(), ParamValueSchema).describe("The message's parameters, named per code."),
});
export type Warning = z.infer<typeof WarningSchema>;

export const NarrativeIndicatorSchema = z.object({
  seq: z.number().int().positive(),
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  level3: z.string().nullable(),
  description: z.string().nullable(),
  value: IndicatorValueSchema,
  inferred: z
    .array(z.enum(["level1", "level2"]))
    .describe("Levels the sentence omits, filled in from the category vocabulary."),
  at: ParagraphRefSchema,
  sentence: z.string(),
});
export type NarrativeIndicator = z.infer<typeof NarrativeIndicatorSchema>;

export const NarrativeProjectSchema = z.object({
  name: z.string(),
  amount: z.number().nullable().describe("In 元."),
  listedAmount: z.number().nullable().describe("The amount in the project list (其中…), in 元."),
  declaredLevel1Count: z.number().int().nullable(),
  declaredIndicatorCount: z.number().int().nullable(),
  goal: z.string().nullable(),
  indicators: z.array(NarrativeIndicatorSchema),
  at: ParagraphRefSchema.describe("The section heading."),
});
export type NarrativeProject = z.infer<typeof NarrativeProjectSchema>;

export const NarrativeSchema = z.object({
  totalBudget: z.number().nullable().describe("In 元."),
  totalAt: ParagraphRefSchema.nullable(),
  listedProjects: z.array(z.object({ name: z.string(), amount: z.number().nullable() })),
  projects: z.array(NarrativeProjectSchema),
});
export type Narrative = z.infer<typeof NarrativeSchema>;

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

export const IndicatorEvidenceSchema = z.object({
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  level3: z.string().nullable(),
  description: z.string().nullable(),
  value: IndicatorValueSchema.nullable(),
  at: z.union([CellRefSchema, ParagraphRefSchema]).nullable(),
  text: z.string().nullable().describe("The narrative sentence, or the table row joined by ' | '."),
});
export type IndicatorEvidence = z.infer<typeof IndicatorEvidenceSchema>;

/** The stable id of a reconciliation rule (its wording is in reconcile/messages.ts). */
export const RuleIdSchema = z.enum(RULE_IDS);

/**
 * What kind of problem a finding is: `consistency` when two parts or two fields of the document disagree,
 * `quality` when a target is badly set on its own (a missing category, a placeholder, a percentage over 100).
 * The list may grow (trend findings across years).
 */
export const FindingCategorySchema = z.enum(["consistency", "quality"]);
export type FindingCategory = z.infer<typeof FindingCategorySchema>;

export const FindingSchema = z.object({
  rule: RuleIdSchema,
  category: FindingCategorySchema,
  severity: SeveritySchema,
  project: z.object({ code: z.string().nullable(), name: z.string().nullable() }).nullable(),
  message: z.string(),
  narrative: IndicatorEvidenceSchema.nullable(),
  table: IndicatorEvidenceSchema.nullable(),
  at: z
    .union([CellRefSchema, ParagraphRefSchema])
    .nullable()
    .describe(
      "Where a finding about a whole project or a field points (the indicator table, a header cell) when no indicator evidence says where; else null.",
    ),
  params: z.record(z.string(), ParamValueSchema).describe("The message's parameters, named per code."),
  group: z
    .number()
    .int()
    .nonnegative()
    .describe(
      "Findings about the same indicator pair or value share a group: the index in `findings` of the group's first finding.",
    ),
});
export type Finding = z.infer<typeof FindingSchema>;

export const ProjectLinkSchema = z.object({
  narrative: z.number().int().nullable().describe("Index into narrative.projects."),
  table: z.number().int().nullable().describe("Index into projects."),
  score: z.number(),
});
export type ProjectLink = z.infer<typeof ProjectLinkSchema>;

/** The budget year a document is for, and where it was found. */
export const BudgetYearSchema = z
  .object({
    value: z.number().int(),
    from: z
      .enum(["option", "title", "text", "file-name"])
      .describe(
        "option: set by the user (--year); title: a heading such as 2025年部门预算; text: the year the body's budget sentences name most; file-name: the file's name.",
      ),
    text: z.string().nullable().describe("The words it was read from (the sentence, or the file name)."),
    at: ParagraphRefSchema.nullable().describe("The paragraph it was read from; null for an option or a file name."),
  })
  .describe("The budget year (预算年度) of the document.");
export type BudgetYear = z.infer<typeof BudgetYearSchema>;

/**
 * The container formats read, by content: `docx` (also .docm, .dotx, .dotm: read directly, macros never run),
 * `xlsx` (a workbook, read directly); through LibreOffice: `doc` (legacy Word, also .dot and WPS files saved in
 * Word's format), `rtf`, `odt`, `wps` (a WPS Office file of its own format), `xls` (legacy Excel, also WPS .et),
 * `ods`.
 */
export const InputFormatSchema = z.enum(["docx", "doc", "rtf", "odt", "wps", "xlsx", "xls", "ods"]);
export type InputFormat = z.infer<typeof InputFormatSchema>;

export const SourceSchema = z.object({
  path: z.string().describe("The input's name: its path relative to the folder it was found in, or its file name."),
  sha256: z.string(),
  format: InputFormatSchema.nullable().describe(
    "What the content is (not the file name says); null when it is none of them.",
  ),
});

/** Why an input produced no data: a stable code and a Chinese + English message. */
export const DocumentErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
});
export type DocumentError = z.infer<typeof DocumentErrorSchema>;

/** Where a table of a workbook sits: its worksheet and the sheet row of its first row. */
export const SheetTableSchema = z.object({
  table: z.number().int().describe("The table index used in `at` positions."),
  sheet: z.string().describe("The worksheet's name."),
  row: z.number().int().describe("The sheet row (0-based) of the table's first row: sheet row = row + at.row."),
});
export type SheetTable = z.infer<typeof SheetTableSchema>;
/** Why a document was not read completely: a stable code, a Chinese + English message, and where. */
export const CompletenessReasonSchema = z.object({
  code: z.string(),
  message: z.string().describe("Chinese, then English."),
  at: z.union([CellRefSchema, ParagraphRefSchema]).nullable(),
});
export type CompletenessReason = z.infer<typeof CompletenessReasonSchema>;

/**
 * How completely a document was read: "complete" when nothing is knowingly missing, "partial" when something
 * is (each reason says what), "unread" when nothing could be read at all.
 */
export const CompletenessSchema = z
  .object({
    status: z.enum(["complete", "partial", "unread"]),
    reasons: z.array(CompletenessReasonSchema),
  })
  .describe("How completely the document was read, and why not.");
export type Completeness = z.infer<typeof CompletenessSchema>;
export type CompletenessStatus = Completeness["status"];

export const DocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: SourceSchema,
  sheets: z
    .array(SheetTableSchema)
    .nullable()
    .describe("For a workbook (申报表 in Excel): each table's worksheet and first row; null for Word documents."),
  department: DepartmentSchema.nullable(),
  departmentAt: z
    .union([CellRefSchema, ParagraphRefSchema])
    .nullable()
    .describe("Where the department was read (the cell or paragraph); null when it was not found."),
  year: BudgetYearSchema.nullable(),
  moneyUnit: z.string().nullable(),
  warnings: z.array(WarningSchema),
  projects: z.array(ProjectSchema),
  narrative: NarrativeSchema.nullable(),
  links: z.array(ProjectLinkSchema),
  findings: z.array(FindingSchema),
  completeness: CompletenessSchema,
  error: DocumentErrorSchema.nullable().describe(
    "Set when the input could not be processed; everything else is then empty.",
  ),
});
export type JixiaoDocument = z.infer<typeof DocumentSchema>;
