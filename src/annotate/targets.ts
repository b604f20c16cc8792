import type { CellRef, Finding, JixiaoDocument, ParagraphRef, Severity } from "../model/schema.js";

/** Where one comment of a finding goes: a narrative paragraph (and sentence), or a table cell. */
export type Target =
  | { readonly side: "narrative"; readonly at: ParagraphRef; readonly sentence: string | null }
  | { readonly side: "table"; readonly at: CellRef }
  /** A finding with no place of its own: the document's first paragraph. */
  | { readonly side: "document" };

/** One comment to write: its anchor and its paragraphs of text. */
export interface CommentPlan {
  readonly finding: number;
  readonly target: Target;
  readonly lines: readonly string[];
}

const SEVERITY: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

function isCell(at: CellRef | ParagraphRef | null | undefined): at is CellRef {
  return at !== null && at !== undefined && "table" in at;
}

function isParagraph(at: CellRef | ParagraphRef | null | undefined): at is ParagraphRef {
  return at !== null && at !== undefined && "paragraph" in at;
}

/** `表 3 第 2 行第 4 列`: positions as a reader counts them (the JSON's are 0-based). */
export function cellLabel(at: CellRef): string {
  return `表 ${at.table + 1} 第 ${at.row + 1} 行第 ${at.col + 1} 列`;
}

/** The table and narrative projects a finding belongs to (by the project it names and the document's links). */
function projectsOf(doc: JixiaoDocument, f: Finding): { table: number | null; narrative: number | null } {
  if (f.project === null) return { table: null, narrative: null };
  const { code, name } = f.project;
  const table = doc.projects.findIndex((p) => p.code === code && (p.name ?? p.title) === name);
  if (table >= 0) return { table, narrative: doc.links.find((l) => l.table === table)?.narrative ?? null };
  const narrative = doc.narrative?.projects.findIndex((p) => p.name === name) ?? -1;
  return { table: null, narrative: narrative >= 0 ? narrative : null };
}

/** The cell that stands for a table project in a finding about the project as a whole. */
function projectCell(doc: JixiaoDocument, index: number, rule: string): CellRef | null {
  const p = doc.projects[index]!;
  const at = p.locations;
  const indicatorTable = p.tables.indicators === null ? null : { table: p.tables.indicators, row: 0, col: 0 };
  const byRule: Record<string, CellRef | null | undefined> = {
    "budget-mismatch": at["budget.total"],
    "funding-split-mismatch": at["budget.total"],
    "cost-exceeds-budget": at["budget.total"],
    "spend-plan-invalid": p.spendPlan.at(-1)?.at,
    "indicator-count-mismatch": indicatorTable,
    "weights-not-100": indicatorTable,
  };
  const header = p.tables.header === null ? null : { table: p.tables.header, row: 0, col: 0 };
  return byRule[rule] ?? at.name ?? at.code ?? header ?? indicatorTable;
}

/**
 * The anchors of a finding: its evidence's narrative sentence and table cell; a finding without evidence (about a
 * project or the document as a whole) is anchored on the project's section heading and its table, or the total.
 */
export function findingTargets(doc: JixiaoDocument, f: Finding): Target[] {
  const targets: Target[] = [];
  if (isParagraph(f.narrative?.at))
    targets.push({
      side: "narrative",
      at: f.narrative.at,
      sentence: f.narrative.at.seq === null ? null : (f.narrative.text ?? null),
    });
  if (isCell(f.table?.at)) targets.push({ side: "table", at: f.table.at });
  if (targets.length > 0) return targets;
  const { table, narrative } = projectsOf(doc, f);
  const heading = narrative === null ? null : (doc.narrative?.projects[narrative]?.at ?? null);
  const paragraph = heading ?? (f.project === null ? (doc.narrative?.totalAt ?? null) : null);
  if (paragraph) targets.push({ side: "narrative", at: paragraph, sentence: null });
  const cell = table === null ? null : projectCell(doc, table, f.rule);
  if (cell) targets.push({ side: "table", at: cell });
  return targets.length > 0 ? targets : [{ side: "document" }];
}

/** What the other side says, for the comment on one side. */
function otherSide(f: Finding, target: Target, targets: readonly Target[]): string | null {
  if (target.side === "document") return null;
  if (target.side === "table") {
    const n = f.narrative;
    if (n?.text) return `第一部分：${n.text}`;
    const heading = targets.find((t) => t.side === "narrative");
    return heading ? "第一部分：该项目的段落处另有同一问题的批注" : null;
  }
  const t = f.table;
  if (t && isCell(t.at)) {
    const name = t.level3 ?? t.level2;
    const value = t.value ? `指标值“${t.value.raw}”` : null;
    return `第二部分表格（${cellLabel(t.at)}）：${[name ? `“${name}”` : null, value].filter(Boolean).join("，")}`;
  }
  const cell = targets.find((x): x is Extract<Target, { side: "table" }> => x.side === "table");
  return cell ? `第二部分表格：${cellLabel(cell.at)}处另有同一问题的批注` : null;
}

/** The comments of a document's findings of the chosen severities, in finding order. */
export function planComments(doc: JixiaoDocument, severities: readonly Severity[]): CommentPlan[] {
  return doc.findings.flatMap((f, i) => {
    if (!severities.includes(f.severity)) return [];
    const targets = findingTargets(doc, f);
    return targets.map((target) => ({
      finding: i,
      target,
      lines: [
        `【${SEVERITY[f.severity]}】${f.message}`,
        otherSide(f, target, targets),
        `规则 ${f.rule}（jixiao 自动核对）`,
      ].filter((line): line is string => line !== null),
    }));
  });
}
