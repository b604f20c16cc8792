import type {
  CellRef,
  Finding,
  FindingCategory,
  IndicatorEvidence,
  JixiaoDocument,
  NarrativeProject,
  ParagraphRef,
  Project,
  Severity,
} from "../model/schema.js";
import { tallySeverities } from "../model/severity.js";
import { RULES, type RuleId } from "../reconcile/messages.js";

/** A finding with its index in `doc.findings`, which the HTML report uses as its anchor. */
export interface IndexedFinding {
  readonly index: number;
  readonly finding: Finding;
}

/**
 * One problem as a reviewer reads it: the findings of one `group` (several rules on the same indicator pair or
 * value), most serious first, with the two sides' evidence gathered from all of them.
 */
export interface ReportItem {
  /** The group id, also the index of its first finding: the item's anchor is `f-<group>`. */
  readonly group: number;
  /** The most serious severity among its findings. */
  readonly severity: Severity;
  readonly findings: readonly IndexedFinding[];
  readonly narrative: IndicatorEvidence | null;
  readonly table: IndicatorEvidence | null;
}

/** Whether the cross-checks between Part 1 and Part 2 could run, and if not, why (in Chinese). */
export interface CheckStatus {
  readonly checked: boolean;
  readonly reasons: readonly string[];
}

/** One project as the report shows it: its Part 2 tables, its Part 1 section, or both, with its findings. */
export interface ProjectView {
  readonly table: Project | null;
  /** The index of `table` in `doc.projects`, or null for a Part 1 section linked to no table. */
  readonly tableIndex: number | null;
  readonly narrative: NarrativeProject | null;
  /** Every finding of the project, most serious first. */
  readonly findings: readonly IndexedFinding[];
  /** The same findings as report items, most serious first. */
  readonly items: readonly ReportItem[];
  readonly check: CheckStatus;
}

/** The figures at the top of a report. */
export interface ReportCounts {
  readonly projects: number;
  readonly indicators: number;
  readonly narrativeProjects: number;
  readonly narrativeIndicators: number;
  /** Findings by severity, as in the JSON. */
  readonly findings: Readonly<Record<Severity, number>>;
  /** Report items (grouped findings) by their severity. */
  readonly items: Readonly<Record<Severity, number>>;
}

/** A line of the summary at the top: an error or warning item and the project it belongs to. */
export interface SummaryLine {
  readonly item: ReportItem;
  readonly project: ProjectView | null;
}

/** What both human-readable reports show, grouped and ordered once. */
export interface ReportView {
  readonly counts: ReportCounts;
  /** Whether the document's cross-checks could run at all. */
  readonly check: CheckStatus;
  /** Every error and warning item, most serious first, in the order of the projects below. */
  readonly summary: readonly SummaryLine[];
  /** Projects worst first (by their most serious item, then by counts), else in document order. */
  readonly projects: readonly ProjectView[];
  /** Findings with no project, or whose project matches none of the document's projects. */
  readonly documentFindings: readonly IndexedFinding[];
  readonly documentItems: readonly ReportItem[];
}

/** A field compared side by side; `narrative`/`table` are null where that side lacks it. */
export interface ComparedField {
  readonly label: string;
  readonly narrative: string | null;
  readonly table: string | null;
}

/** Severities in report order, most serious first. */
export const SEVERITIES = ["error", "warning", "info"] as const satisfies readonly Severity[];

/** The reader's word for each kind of finding: the parts disagree (一致性), or a target is badly set (质量). */
export const CATEGORY_LABELS = { consistency: "一致性", quality: "质量" } as const satisfies Record<
  FindingCategory,
  string
>;

/** The reader's word for each severity. */
export const SEVERITY_LABELS = { error: "错误", warning: "警告", info: "提示" } satisfies Record<Severity, string>;

const NO_PART1 = "没有读到第一部分（文字说明）中的项目指标";

/** How completely the document was read, in a few words (the reasons are in `doc.completeness`). */
export const COMPLETENESS_LABELS = { complete: "读取完整", partial: "读取不完整", unread: "未能读取" } satisfies Record<
  JixiaoDocument["completeness"]["status"],
  string
>;

/** The word for a document or project whose cross-checks could not run. */
export const UNCHECKED_LABEL = "未核对";

const COMPARED_FIELDS: readonly (readonly [string, (e: IndicatorEvidence) => string | null])[] = [
  ["一级指标", (e) => e.level1],
  ["二级指标", (e) => e.level2],
  ["三级指标", (e) => e.level3],
  ["指标内容", (e) => e.description],
  ["指标值", (e) => e.value?.raw ?? null],
];

const YUAN = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The short Chinese title of a rule (`indicator-value-mismatch` → 指标值不一致), from its wording table. */
export function ruleTitle(rule: RuleId): string {
  return RULES[rule].title;
}

/** The titles of an item's rules, most serious first, each once: 指标计量单位不一致、无法识别的计量单位. */
export function itemTitle(item: ReportItem): string {
  return [...new Set(item.findings.map((f) => ruleTitle(f.finding.rule)))].join("、");
}

/**
 * Groups a document for reporting: one view per Part 2 project (with its linked Part 1 section), then one per
 * Part 1 section linked to no table; each finding goes to the project matching its code, else its name. Findings
 * of one `group` become one item; projects are ordered worst first.
 */
export function buildReportView(doc: JixiaoDocument): ReportView {
  const shells = projectShells(doc);
  const grouped = shells.map((): IndexedFinding[] => []);
  const documentFindings: IndexedFinding[] = [];
  doc.findings.forEach((finding, index) => {
    const target = finding.project === null ? -1 : findProject(shells, finding.project);
    (grouped[target] ?? documentFindings).push({ index, finding });
  });
  const projects = shells
    .map((shell, i): ProjectView => {
      const findings = bySeverity(grouped[i] ?? []);
      return { ...shell, findings, items: toItems(findings), check: projectCheck(doc, shell) };
    })
    .map((view, order) => ({ view, order }))
    .sort((x, y) => compareProjects(x.view, y.view) || x.order - y.order)
    .map(({ view }) => view);
  const documentItems = toItems(bySeverity(documentFindings));
  const summary = [
    ...documentItems.map((item) => ({ item, project: null })),
    ...projects.flatMap((project) => project.items.map((item) => ({ item, project }))),
  ]
    .filter((line) => line.item.severity !== "info")
    .map((line, order) => ({ line, order }))
    .sort((x, y) => rank(x.line.item.severity) - rank(y.line.item.severity) || x.order - y.order)
    .map(({ line }) => line);
  return {
    counts: countAll(doc, [...documentItems, ...projects.flatMap((p) => p.items)]),
    check: documentCheck(doc),
    summary,
    projects,
    documentFindings: bySeverity(documentFindings),
    documentItems,
  };
}

/** What the report concludes, in a few words: its kind (for styling), a headline and the detail after it. */
export interface Verdict {
  readonly kind: "failed" | "unchecked" | Severity | "clean";
  readonly headline: string;
  readonly detail: string;
}

/** The one-sentence verdict at the top of a report: never a clean result when the two parts could not be compared. */
export function reportVerdict(doc: JixiaoDocument, view: ReportView): Verdict {
  const items = view.counts.items;
  const found = SEVERITIES.filter((s) => items[s] > 0)
    .map((s) => `${SEVERITY_LABELS[s]} ${items[s]} 项`)
    .join("、");
  if (doc.error) return { kind: "failed", headline: "未能处理此文件", detail: "" };
  if (!view.check.checked)
    return {
      kind: "unchecked",
      headline: UNCHECKED_LABEL,
      detail: `${view.check.reasons.join("；")}，第一部分与第二部分未能相互核对${found ? `（另发现 ${found}）` : ""}`,
    };
  const worst = SEVERITIES.find((s) => items[s] > 0);
  if (worst === undefined) return { kind: "clean", headline: "已核对", detail: "第一部分与第二部分一致，未发现问题" };
  const headline = worst === "info" ? "已核对，仅有提示" : `发现${SEVERITY_LABELS[worst]}`;
  return { kind: worst, headline, detail: found };
}

/**
 * A project's items by kind: the two parts (or two fields) disagreeing, and targets badly set on their own. An item
 * is about quality when every finding in it is (a unit mismatch beside an unknown unit stays with consistency).
 */
export function byCategory(items: readonly ReportItem[]): { consistency: ReportItem[]; quality: ReportItem[] } {
  const isQuality = (item: ReportItem) => item.findings.every((f) => f.finding.category === "quality");
  return { consistency: items.filter((i) => !isQuality(i)), quality: items.filter(isQuality) };
}

/** The name a project is shown under. */
export function projectName(view: Pick<ProjectView, "table" | "narrative">): string {
  return view.table?.name ?? view.narrative?.name ?? view.table?.title ?? "（未命名项目）";
}

/** The most serious severity among a project's findings, or null when it has none. */
export function worstSeverity(view: ProjectView): Severity | null {
  return view.items[0]?.severity ?? null;
}

/** An amount in 元 with thousands separators and two decimals, or "—" when absent. */
export function formatYuan(amount: number | null): string {
  return amount === null ? "—" : `${YUAN.format(amount)} 元`;
}

/** Where something was read, for the reader: 1-based table, row and column, or paragraph and sentence number. */
export function locationLabel(at: CellRef | ParagraphRef): string {
  if ("table" in at) return `表 ${at.table + 1} 第 ${at.row + 1} 行第 ${at.col + 1} 列`;
  return at.seq === null ? `第 ${at.paragraph + 1} 段` : `第 ${at.paragraph + 1} 段第 ${at.seq} 条`;
}

/** The indicator fields of the two sides (of a finding or an item), leaving out fields neither side has. */
export function comparedFields(sides: Pick<Finding, "narrative" | "table">): ComparedField[] {
  return COMPARED_FIELDS.map(([label, read]) => ({
    label,
    narrative: sides.narrative === null ? null : read(sides.narrative),
    table: sides.table === null ? null : read(sides.table),
  })).filter((f) => f.narrative !== null || f.table !== null);
}

/**
 * Whether Part 1 and Part 2 could be compared at all. A document missing either side was not checked, however
 * few findings it has: it must never read as "no problems".
 */
export function documentCheck(doc: JixiaoDocument): CheckStatus {
  if (doc.error !== null) return { checked: false, reasons: ["文件未能处理"] };
  const reasons: string[] = [];
  const missing = new Set(doc.completeness.reasons.map((r) => r.code));
  const part1Read = doc.narrative?.projects.some((p) => p.indicators.length > 0) ?? false;
  if (!part1Read || missing.has("no-part1")) reasons.push(NO_PART1);
  if (doc.projects.length === 0 || missing.has("no-part2")) reasons.push("没有读到第二部分的项目表格");
  return { checked: reasons.length === 0, reasons };
}

function projectCheck(
  doc: JixiaoDocument,
  shell: { table: Project | null; narrative: NarrativeProject | null },
): CheckStatus {
  const reasons: string[] = [];
  if (shell.table === null) reasons.push("第二部分没有对应的项目表格，指标未核对");
  else if (!(doc.narrative?.projects.some((p) => p.indicators.length > 0) ?? false))
    reasons.push("没有读到第一部分，指标未核对");
  else if (shell.narrative === null) reasons.push("第一部分没有对应的项目说明，指标未核对");
  if (shell.table !== null && shell.narrative !== null) {
    if (shell.table.indicators.length === 0) reasons.push("第二部分没有读到指标行，指标未核对");
    if (shell.narrative.indicators.length === 0) reasons.push("第一部分没有读到指标句，指标未核对");
  }
  return { checked: reasons.length === 0, reasons };
}

function projectShells(
  doc: JixiaoDocument,
): { table: Project | null; tableIndex: number | null; narrative: NarrativeProject | null }[] {
  const narrativeProjects = doc.narrative?.projects ?? [];
  const linkedNarrative = (t: number): NarrativeProject | null => {
    const n = doc.links.find((l) => l.table === t && l.narrative !== null)?.narrative ?? null;
    return n === null ? null : (narrativeProjects[n] ?? null);
  };
  const linked = new Set(doc.links.filter((l) => l.table !== null).map((l) => l.narrative));
  return [
    ...doc.projects.map((table, t) => ({ table, tableIndex: t, narrative: linkedNarrative(t) })),
    ...narrativeProjects
      .filter((_, n) => !linked.has(n))
      .map((narrative) => ({ table: null, tableIndex: null, narrative })),
  ];
}

function findProject(
  shells: readonly { table: Project | null; narrative: NarrativeProject | null }[],
  ref: { code: string | null; name: string | null },
): number {
  const byCode = ref.code === null ? -1 : shells.findIndex((s) => s.table?.code === ref.code);
  if (byCode >= 0 || ref.name === null) return byCode;
  return shells.findIndex((s) => s.table?.name === ref.name || s.narrative?.name === ref.name);
}

function rank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

function bySeverity(findings: readonly IndexedFinding[]): IndexedFinding[] {
  return [...findings].sort((x, y) => rank(x.finding.severity) - rank(y.finding.severity) || x.index - y.index);
}

/** Findings (most serious first) → one item per group, in the order of each group's most serious finding. */
function toItems(findings: readonly IndexedFinding[]): ReportItem[] {
  const groups = new Map<number, IndexedFinding[]>();
  for (const f of findings) {
    const members = groups.get(f.finding.group);
    if (members) members.push(f);
    else groups.set(f.finding.group, [f]);
  }
  return [...groups.entries()].map(([group, members]) => ({
    group,
    severity: members[0]?.finding.severity ?? "info",
    findings: members,
    narrative: members.find((m) => m.finding.narrative !== null)?.finding.narrative ?? null,
    table: members.find((m) => m.finding.table !== null)?.finding.table ?? null,
  }));
}

/** Worse first: by the most serious item, then by how many items of each severity, unchecked before checked. */
function compareProjects(a: ProjectView, b: ProjectView): number {
  const worst = (v: ProjectView) => {
    const s = worstSeverity(v);
    return s === null ? SEVERITIES.length : rank(s);
  };
  const count = (v: ProjectView, s: Severity) => v.items.filter((i) => i.severity === s).length;
  return (
    worst(a) - worst(b) ||
    SEVERITIES.reduce((c, s) => c || count(b, s) - count(a, s), 0) ||
    Number(a.check.checked) - Number(b.check.checked)
  );
}

function countAll(doc: JixiaoDocument, items: readonly ReportItem[]): ReportCounts {
  const findings = tallySeverities(doc.findings);
  const byItem = tallySeverities(items);
  const narrativeProjects = doc.narrative?.projects ?? [];
  return {
    projects: doc.projects.length,
    indicators: doc.projects.reduce((n, p) => n + p.indicators.length, 0),
    narrativeProjects: narrativeProjects.length,
    narrativeIndicators: narrativeProjects.reduce((n, p) => n + p.indicators.length, 0),
    findings,
    items: byItem,
  };
}
