import type {
  CellRef,
  Finding,
  IndicatorEvidence,
  JixiaoDocument,
  NarrativeProject,
  ParagraphRef,
  Project,
  Severity,
} from "../model/schema.js";
import { tallySeverities } from "../model/severity.js";

/** A finding with its index in `doc.findings`, which the HTML report uses as its anchor. */
export interface IndexedFinding {
  readonly index: number;
  readonly finding: Finding;
}

/** One project as the report shows it: its Part 2 tables, its Part 1 section, or both, with its findings. */
export interface ProjectView {
  readonly table: Project | null;
  readonly narrative: NarrativeProject | null;
  readonly findings: readonly IndexedFinding[];
}

/** The figures at the top of a report. */
export interface ReportCounts {
  readonly projects: number;
  readonly indicators: number;
  readonly narrativeProjects: number;
  readonly narrativeIndicators: number;
  readonly findings: Readonly<Record<Severity, number>>;
}

/** What both human-readable reports show, grouped once. */
export interface ReportView {
  readonly counts: ReportCounts;
  readonly projects: readonly ProjectView[];
  /** Findings with no project, or whose project matches none of the document's projects. */
  readonly documentFindings: readonly IndexedFinding[];
}

/** A field compared side by side; `narrative`/`table` are null where that side lacks it. */
export interface ComparedField {
  readonly label: string;
  readonly narrative: string | null;
  readonly table: string | null;
}

/** Severities in report order, most serious first. */
export const SEVERITIES = ["error", "warning", "info"] as const satisfies readonly Severity[];

/** The reader's word for each severity. */
export const SEVERITY_LABELS = { error: "错误", warning: "警告", info: "提示" } satisfies Record<Severity, string>;

const COMPARED_FIELDS: readonly (readonly [string, (e: IndicatorEvidence) => string | null])[] = [
  ["一级指标", (e) => e.level1],
  ["二级指标", (e) => e.level2],
  ["三级指标", (e) => e.level3],
  ["指标内容", (e) => e.description],
  ["指标值", (e) => e.value?.raw ?? null],
];

const YUAN = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Groups a document for reporting: one view per Part 2 project (with its linked Part 1 section), then one per
 * Part 1 section linked to no table; each finding goes to the project matching its code, else its name.
 */
export function buildReportView(doc: JixiaoDocument): ReportView {
  const shells = projectShells(doc);
  const grouped = shells.map((): IndexedFinding[] => []);
  const documentFindings: IndexedFinding[] = [];
  doc.findings.forEach((finding, index) => {
    const target = finding.project === null ? -1 : findProject(shells, finding.project);
    (grouped[target] ?? documentFindings).push({ index, finding });
  });
  return {
    counts: countAll(doc),
    projects: shells.map((shell, i) => ({ ...shell, findings: bySeverity(grouped[i] ?? []) })),
    documentFindings: bySeverity(documentFindings),
  };
}

/** The name a project is shown under. */
export function projectName(view: ProjectView): string {
  return view.table?.name ?? view.narrative?.name ?? view.table?.title ?? "（未命名项目）";
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

/** The indicator fields of a finding's two sides, leaving out fields neither side has. */
export function comparedFields(finding: Finding): ComparedField[] {
  return COMPARED_FIELDS.map(([label, read]) => ({
    label,
    narrative: finding.narrative === null ? null : read(finding.narrative),
    table: finding.table === null ? null : read(finding.table),
  })).filter((f) => f.narrative !== null || f.table !== null);
}

function projectShells(doc: JixiaoDocument): { table: Project | null; narrative: NarrativeProject | null }[] {
  const narrativeProjects = doc.narrative?.projects ?? [];
  const linkedNarrative = (t: number): NarrativeProject | null => {
    const n = doc.links.find((l) => l.table === t && l.narrative !== null)?.narrative ?? null;
    return n === null ? null : (narrativeProjects[n] ?? null);
  };
  const linked = new Set(doc.links.filter((l) => l.table !== null).map((l) => l.narrative));
  return [
    ...doc.projects.map((table, t) => ({ table, narrative: linkedNarrative(t) })),
    ...narrativeProjects.filter((_, n) => !linked.has(n)).map((narrative) => ({ table: null, narrative })),
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

function bySeverity(findings: IndexedFinding[]): IndexedFinding[] {
  return findings.sort((x, y) => SEVERITIES.indexOf(x.finding.severity) - SEVERITIES.indexOf(y.finding.severity));
}

function countAll(doc: JixiaoDocument): ReportCounts {
  const findings = tallySeverities(doc.findings);
  const narrativeProjects = doc.narrative?.projects ?? [];
  return {
    projects: doc.projects.length,
    indicators: doc.projects.reduce((n, p) => n + p.indicators.length, 0),
    narrativeProjects: narrativeProjects.length,
    narrativeIndicators: narrativeProjects.reduce((n, p) => n + p.indicators.length, 0),
    findings,
  };
}
