import type { LabelConfig } from "../config/index.js";
import type { Block } from "../grid/index.js";
import type { Narrative, NarrativeIndicator, NarrativeProject, Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import { parseAmount } from "../normalise/project.js";
import type { Result } from "../result.js";
import { labelKey, moneyUnitFactors } from "../text.js";
import { parseChineseCount } from "./numerals.js";
import { countIn, type NarrativeGrammar, narrativeGrammar } from "./phrases.js";
import {
  opensWithCategory,
  parseCategoryList,
  parseIndicatorSpan,
  readsAsIndicator,
  splitNumberedSentences,
  splitUnnumberedSentences,
} from "./sentence.js";

type Paragraph = Extract<Block, { kind: "paragraph" }>;

const PART_HEADING = /^[一二三四五六七八九十]+、/;
/** Commas separate the listed projects, except a thousands separator inside an amount (1,250,000元). */
const LIST_SEPARATOR = /[、；;。]|[,，](?![0-9０-９]{3}(?:[^0-9０-９]|$))/;

function amountOf(number: string | undefined, unit: string | undefined, config: LabelConfig): number | null {
  return number === undefined || unit === undefined
    ? null
    : parseAmount(`${number}${unit}`, 1, moneyUnitFactors(config));
}

/** Paragraphs of Part 1: everything before 第二部分, or before the first table when that heading is missing. */
function part1Paragraphs(blocks: readonly Block[], grammar: NarrativeGrammar): Paragraph[] {
  const part2 = blocks.findIndex((b) => b.kind === "paragraph" && grammar.part2.test(b.text));
  const end = part2 >= 0 ? part2 : blocks.findIndex((b) => b.kind === "table");
  return (end < 0 ? blocks : blocks.slice(0, end)).filter(
    (b): b is Paragraph => b.kind === "paragraph" && b.text !== "",
  );
}

/** The project list of `…其中招商经费25万元，限上企业工作经费10万元，…`. */
function readProjectList(text: string, config: LabelConfig, grammar: NarrativeGrammar): Narrative["listedProjects"] {
  const lead = grammar.listLead.exec(text);
  if (!lead) return [];
  const item = new RegExp(String.raw`^(.+?)\s*${grammar.amount}$`, "u");
  return text
    .slice(lead.index + lead[0].length)
    .split(LIST_SEPARATOR)
    .flatMap((part) => {
      const m = item.exec(part.trim());
      return m ? [{ name: m[1]!, amount: amountOf(m[2], m[3], config) }] : [];
    });
}

/**
 * Whether a paragraph declares indicator counts or lists indicators (a sentence opening with a category and a
 * level separator), without a label saying so. A goal that mentions 指标值 does not count.
 */
function holdsIndicators(text: string, grammar: NarrativeGrammar): boolean {
  if (grammar.level1Count.test(text) || grammar.indicatorCount.test(text)) return true;
  const numbered = splitNumberedSentences(text);
  const sentences = numbered.length > 0 ? numbered.map((span) => span.text) : text.split(/(?<=[。；;])/u);
  return sentences.some((sentence) => opensWithCategory(sentence, grammar));
}

/** Whether a `（一）…` paragraph opens a project section: it states an amount, or a 绩效目标/绩效指标 label follows it. */
function isSectionStart(
  paragraphs: readonly Paragraph[],
  i: number,
  grammar: NarrativeGrammar,
): RegExpExecArray | null {
  const match = grammar.section.exec(paragraphs[i]!.text);
  if (!match || readsAsIndicator(match[1]!, grammar)) return null;
  if (match[2] !== undefined) return match;
  const next = paragraphs[i + 1]?.text ?? "";
  return grammar.goalLabel.test(next) || grammar.indicatorLabel.test(next) ? match : null;
}

function readSection(
  heading: RegExpExecArray,
  headingAt: number,
  body: readonly Paragraph[],
  config: LabelConfig,
  grammar: NarrativeGrammar,
  warnings: Warning[],
): NarrativeProject {
  let mode: "none" | "goal" | "indicators" = "none";
  const goal: string[] = [];
  const indicators: NarrativeIndicator[] = [];
  let declaredLevel1Count: number | null = null;
  let declaredIndicatorCount: number | null = null;
  /** The next item number as written (a sentence may give more than one indicator). */
  let nextSeq = 1;
  for (const paragraph of body) {
    let text = paragraph.text;
    if (grammar.goalLabel.test(text)) {
      mode = "goal";
      text = text.replace(grammar.goalLabel, "");
    } else if (grammar.indicatorLabel.test(text)) {
      mode = "indicators";
      text = text.replace(grammar.indicatorLabel, "");
    } else if (mode !== "indicators" && holdsIndicators(text, grammar)) {
      // No 绩效指标： label (or another one): the indicators start where a paragraph reads as them.
      mode = "indicators";
    }
    if (text === "") continue;
    if (mode === "goal") goal.push(text);
    if (mode !== "indicators") continue;
    declaredLevel1Count ??= parseChineseCount(countIn(grammar.level1Count, text));
    declaredIndicatorCount ??= parseChineseCount(countIn(grammar.indicatorCount, text));
    const listed = parseCategoryList(text, nextSeq, paragraph.index, grammar);
    if (listed) {
      indicators.push(...listed);
      nextSeq += listed.length;
      continue;
    }
    const numbered = splitNumberedSentences(text, nextSeq);
    if (numbered.length > 0) nextSeq = numbered.at(-1)!.seq + 1;
    const spans = numbered.length > 0 ? numbered : splitUnnumberedSentences(text, grammar);
    for (const span of spans) {
      for (const indicator of parseIndicatorSpan(span, paragraph.index, grammar)) {
        if (indicator.level3 === null)
          warnings.push(warning("narrative-sentence-unparsed", indicator.at, { sentence: span.text }));
        indicators.push(indicator);
      }
    }
  }
  return {
    name: heading[1]!.trim(),
    amount: amountOf(heading[2], heading[3], config),
    listedAmount: null,
    declaredLevel1Count,
    declaredIndicatorCount,
    goal: goal.length > 0 ? goal.join("\n") : null,
    indicators,
    at: { paragraph: headingAt, seq: null },
  };
}

/**
 * Reads Part 1 into records: the department's project total, the listed projects with their amounts,
 * and per project section (（一）招商经费25万元) its goal, declared counts and numbered indicator sentences.
 */
export function parseNarrative(blocks: readonly Block[], config: LabelConfig): Result<Narrative> {
  const grammar = narrativeGrammar(config);
  const paragraphs = part1Paragraphs(blocks, grammar);
  const warnings: Warning[] = [];
  let totalBudget: number | null = null;
  let totalAt: Narrative["totalAt"] = null;
  let listedProjects: Narrative["listedProjects"] = [];
  const projects: NarrativeProject[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    const total = grammar.total.exec(paragraph.text);
    if (total && totalBudget === null) {
      totalBudget = amountOf(total[1], total[2], config);
      totalAt = { paragraph: paragraph.index, seq: null };
    }
    if (listedProjects.length === 0 && total) listedProjects = readProjectList(paragraph.text, config, grammar);
    const heading = isSectionStart(paragraphs, i, grammar);
    if (!heading) continue;
    let end = i + 1;
    while (
      end < paragraphs.length &&
      !isSectionStart(paragraphs, end, grammar) &&
      !PART_HEADING.test(paragraphs[end]!.text)
    )
      end++;
    projects.push(readSection(heading, paragraph.index, paragraphs.slice(i + 1, end), config, grammar, warnings));
    i = end - 1;
  }
  const withListed = projects.map((p) => ({ ...p, listedAmount: findListedAmount(p.name, listedProjects) }));
  if (withListed.every((p) => p.indicators.length === 0)) warnings.push(warning("no-part1"));
  return { value: { totalBudget, totalAt, listedProjects, projects: withListed }, warnings };
}

function findListedAmount(name: string, listed: Narrative["listedProjects"]): number | null {
  const key = labelKey(name);
  const hit =
    listed.find((l) => labelKey(l.name) === key) ??
    listed.find((l) => labelKey(l.name).includes(key) || key.includes(labelKey(l.name)));
  return hit?.amount ?? null;
}
