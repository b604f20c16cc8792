import type {
  CellRef,
  Completeness,
  CompletenessReason,
  DocumentError,
  Narrative,
  ParagraphRef,
  Project,
  Warning,
} from "./model/schema.js";

type Params = Record<string, string | number>;

/** Every reason a document may be less than completely read, with its Chinese (then English) wording. */
const REASONS = {
  unreadable: (p: Params) => `文档无法读取：${p.message}（The document could not be read.）`,
  "no-part2": () => "没有找到第二部分的项目表格。（No Part 2 project tables were found.）",
  "no-part1": () =>
    "没有找到第一部分（文字说明）的项目绩效指标，表格无从核对。（No Part 1 indicators were found to check the tables against.）",
  "project-without-indicators": (p: Params) =>
    `项目“${p.project}”没有读到绩效指标。（Project “${p.project}”: no indicators were read.）`,
  "unmapped-labels": (p: Params) =>
    `表格 ${p.table} 中有未识别的标签：${p.labels}。（Table ${p.table} has labels that were not mapped to any field.）`,
  "indicator-without-value": (p: Params) =>
    `项目“${p.project}”有 ${p.count} 条指标没有读到指标值。（Project “${p.project}”: ${p.count} indicator(s) without a value.）`,
  "budget-missing": (p: Params) =>
    `项目“${p.project}”没有读到预算数。（Project “${p.project}”: no budget total was read.）`,
  "declared-count-exceeds-read": (p: Params) =>
    `第一部分“${p.project}”声明 ${p.declared} 个指标，只读到 ${p.read} 个。（Part 1 declares ${p.declared} indicators for “${p.project}” but ${p.read} were read.）`,
  "narrative-sentence-unparsed": (p: Params) =>
    `第一部分有 ${p.count} 个指标句无法拆分。（${p.count} Part 1 indicator sentence(s) could not be split.）`,
} satisfies Record<string, (p: Params) => string>;

/** The stable id of a completeness reason. */
export type CompletenessCode = keyof typeof REASONS;

function reason(code: CompletenessCode, at: CellRef | ParagraphRef | null, params: Params = {}): CompletenessReason {
  return { code, message: REASONS[code](params), at };
}

/** What the assessment looks at: the document's data, its reading warnings and its error. */
export interface CompletenessInput {
  readonly projects: readonly Project[];
  readonly narrative: Narrative | null;
  readonly warnings: readonly Warning[];
  readonly error: DocumentError | null;
}

const projectLabel = (p: Project): string => p.name ?? p.title ?? p.code ?? "（未命名）";

function projectReasons(p: Project): CompletenessReason[] {
  const out: CompletenessReason[] = [];
  const at = p.locations.name ?? p.locations.code ?? null;
  if (p.indicators.length === 0 && p.duties.length === 0) {
    out.push(reason("project-without-indicators", at, { project: projectLabel(p) }));
  }
  const noValue = [...p.indicators, ...p.midTermIndicators].filter((i) => i.value.raw === "");
  if (noValue.length > 0) {
    out.push(reason("indicator-without-value", noValue[0]!.at, { project: projectLabel(p), count: noValue.length }));
  }
  if (p.kind === "project" && p.budget.total === null) {
    out.push(reason("budget-missing", p.locations["budget.total"] ?? at, { project: projectLabel(p) }));
  }
  return out;
}

/** One reason per table that holds label-like cells no field took (from the extract stage's warnings). */
function unmappedLabelReasons(warnings: readonly Warning[]): CompletenessReason[] {
  const byTable = new Map<number, { at: CellRef; labels: string[] }>();
  for (const w of warnings) {
    if (w.code !== "unmapped-label" || w.at === null || !("table" in w.at)) continue;
    const entry = byTable.get(w.at.table) ?? { at: w.at, labels: [] };
    entry.labels.push(`“${String(w.params.label)}”`);
    byTable.set(w.at.table, entry);
  }
  return [...byTable].map(([table, { at, labels }]) =>
    reason("unmapped-labels", at, { table: table + 1, labels: labels.join("、") }),
  );
}

function narrativeReasons(narrative: Narrative | null, warnings: readonly Warning[]): CompletenessReason[] {
  const read = narrative?.projects.filter((p) => p.indicators.length > 0) ?? [];
  if (read.length === 0) return [reason("no-part1", null)];
  const out = narrative!.projects.flatMap((p) =>
    p.declaredIndicatorCount !== null && p.declaredIndicatorCount > p.indicators.length
      ? [
          reason("declared-count-exceeds-read", p.at, {
            project: p.name,
            declared: p.declaredIndicatorCount,
            read: p.indicators.length,
          }),
        ]
      : [],
  );
  const unparsed = warnings.filter((w) => w.code === "narrative-sentence-unparsed");
  if (unparsed.length > 0) out.push(reason("narrative-sentence-unparsed", unparsed[0]!.at, { count: unparsed.length }));
  return out;
}

/**
 * Says how completely a document was read: "unread" when it could not be read or neither part was found,
 * "partial" when something is knowingly missing (a project without indicators or budget, an indicator
 * without a value, labels no field took, no Part 1, fewer Part 1 indicators than it declares), else "complete".
 */
export function assessCompleteness(input: CompletenessInput): Completeness {
  if (input.error) {
    return { status: "unread", reasons: [reason("unreadable", null, { message: input.error.message })] };
  }
  const narrativeRead = input.narrative?.projects.some((p) => p.indicators.length > 0) ?? false;
  if (input.projects.length === 0 && !narrativeRead) {
    return { status: "unread", reasons: [reason("no-part2", null), reason("no-part1", null)] };
  }
  const reasons = [
    ...(input.projects.length === 0 ? [reason("no-part2", null)] : []),
    ...input.projects.flatMap(projectReasons),
    ...unmappedLabelReasons(input.warnings),
    ...narrativeReasons(input.narrative, input.warnings),
  ];
  return { status: reasons.length > 0 ? "partial" : "complete", reasons };
}
