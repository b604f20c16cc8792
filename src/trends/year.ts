import type { Block } from "../grid/index.js";
import type { BudgetYear } from "../model/schema.js";

/** Years a budget document can plausibly be for. */
const EARLIEST = 1990;
const LATEST = 2100;

/**
 * A year as written in a sentence: `2025年`, `2025 年度`, `２０２５年` (after NFKC); not the end of a period
 * (`2023—2025年度`) nor a date (`2023年11月20日`).
 */
const YEAR_IN_TEXT = /(?<![\d—–\-~～至到]\s*)((?:19|20)\d{2})\s*年(度)?(?!\s*\d{1,2}\s*月)/gu;

/** A subtitle that is only the year: `（2024年度）`, `2024年`. */
const YEAR_ONLY = /^[(（]?\s*(?:19|20)\d{2}\s*年度?\s*[)）]?$/u;

/** A title naming the budget: `2025年部门预算`, `2025年度项目支出绩效目标表`, `2025年预算绩效目标`. */
const TITLE_WORDS = /预算|绩效目标|绩效指标/u;

/** Words after a year that make it the budget year: `2025年我单位需安排专项项目支出`, `2025年度部门预算`. */
const BUDGET_WORDS = /预算|支出|安排|绩效|申报/u;

/** How far after the year the budget words may stand (characters). */
const BUDGET_WINDOW = 24;

/** Blocks from the top of a document (or of a form) that may hold its title. */
const TITLE_BLOCKS = 12;

/** A title is short; a long paragraph naming a year is body text. */
const TITLE_MAX_LENGTH = 60;

/** A four-digit year in a file name, not part of a longer number (`商务局/2025.docx`, `2024年度绩效目标.doc`). */
const YEAR_IN_NAME = /(?<!\d)((?:19|20)\d{2})(?!\d)/gu;

interface Mention {
  readonly year: number;
  readonly block: Block & { kind: "paragraph" };
  readonly after: string;
  /** The year and the words after it, as quoted in the output. */
  readonly snippet: string;
}

function plausible(year: number): boolean {
  return year >= EARLIEST && year <= LATEST;
}

function mentions(block: Block & { kind: "paragraph" }): Mention[] {
  const text = block.text.normalize("NFKC");
  return [...text.matchAll(YEAR_IN_TEXT)]
    .map((m) => ({
      year: Number(m[1]),
      block,
      after: text.slice(m.index + m[0].length, m.index + m[0].length + BUDGET_WINDOW),
      snippet: text.slice(m.index, m.index + m[0].length + BUDGET_WINDOW).trim(),
    }))
    .filter((m) => plausible(m.year));
}

/**
 * The budget year of a document, with where it was read:
 * 1. `override` (the user's `--year`);
 * 2. a title above the first table naming the budget (`2025年部门预算`, `2025年度项目支出绩效目标表`), or a
 *    subtitle that is only the year (`（2024年度）`);
 * 3. in the body, the year most often followed closely by budget words (`2025年我单位需安排专项项目支出…`),
 *    the first such mention on a tie;
 * 4. the file name (`商务局/2025.docx`), its last four-digit year;
 * else null.
 */
export function detectBudgetYear(
  blocks: readonly Block[],
  sourcePath: string,
  override: number | null = null,
): BudgetYear | null {
  if (override !== null) return { value: override, from: "option", text: null, at: null };
  const paragraphs = blocks.filter((b): b is Block & { kind: "paragraph" } => b.kind === "paragraph");
  const all = paragraphs.flatMap(mentions);
  const firstTable = blocks.findIndex((b) => b.kind === "table");
  const top = Math.min(TITLE_BLOCKS, firstTable === -1 ? blocks.length : firstTable);
  const title = all.find((m) => {
    const text = m.block.text.normalize("NFKC").trim();
    return (
      blocks.indexOf(m.block) < top &&
      text.length <= TITLE_MAX_LENGTH &&
      (YEAR_ONLY.test(text) || TITLE_WORDS.test(m.after))
    );
  });
  if (title) return found(title, "title");
  const budget = all.filter((m) => BUDGET_WORDS.test(m.after));
  const counts = new Map<number, number>();
  for (const m of budget) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  const best = budget.reduce<Mention | null>(
    (top, m) => (top === null || counts.get(m.year)! > counts.get(top.year)! ? m : top),
    null,
  );
  if (best) return found(best, "text");
  const inName = [...sourcePath.normalize("NFKC").matchAll(YEAR_IN_NAME)].map((m) => Number(m[1])).filter(plausible);
  const last = inName.at(-1);
  return last === undefined ? null : { value: last, from: "file-name", text: sourcePath, at: null };
}

function found(m: Mention, from: "title" | "text"): BudgetYear {
  const text = from === "title" ? m.block.text.trim() : m.snippet;
  return { value: m.year, from, text, at: { paragraph: m.block.index, seq: null } };
}
