import type { DocumentGrid } from "../grid/index.js";
import type { JixiaoDocument, Severity } from "../model/schema.js";
import { commentsPart, type WrittenComment } from "./comments-part.js";
import { contentStart, type DocumentXml, documentXml, type Locator, locate, readGrid } from "./locate.js";
import { packDocx, unpackDocx } from "./package.js";
import { type Boundary, boundaryEdits, findSentence } from "./runs.js";
import { type CommentPlan, cellLabel, planComments } from "./targets.js";
import { ancestor, applyEdits, descendants, type Edit, parseXml, type XmlElement } from "./xml.js";

/** Options of {@link annotateDocx}. */
export interface AnnotateOptions {
  /** Findings of these severities get comments (default: errors and warnings). */
  readonly severities?: readonly Severity[];
  /** The comments' author (default `jixiao`). */
  readonly author?: string;
  /** The comments' date (ISO 8601); none by default, so the same input gives the same file. */
  readonly date?: string | null;
  /** The document's grid as the pipeline read it, when at hand (saves reading it again). */
  readonly grid?: DocumentGrid;
}

/** A comment that could not be anchored where its finding points, and was put on the first paragraph instead. */
export interface UnplacedComment {
  readonly finding: number;
  readonly side: "narrative" | "table" | "document";
  readonly reason: string;
}

/** The annotated package and what was written into it. */
export interface Annotation {
  readonly docx: Uint8Array;
  /** One per comment written, in document order of their anchors' starts. */
  readonly comments: readonly WrittenComment[];
  readonly unplaced: readonly UnplacedComment[];
}

/** An anchor resolved to the document: the range's two ends. */
interface Anchor {
  readonly start: Boundary;
  readonly end: Boundary;
}

/** Paragraphs that belong to a cell directly (not to a table nested in it). */
function cellParagraphs(doc: DocumentXml, cell: XmlElement): XmlElement[] {
  return descendants(cell, `${doc.w}p`).filter((p) => ancestor(p, `${doc.w}tc`) === cell);
}

function wholeParagraphs(doc: DocumentXml, first: XmlElement, last: XmlElement): Anchor {
  return {
    start: { kind: "offset", at: contentStart(first, doc.w) },
    end: { kind: "offset", at: last.closeStart },
  };
}

/** The first paragraph of the body that has text: where comments without a place go. */
function firstParagraph(doc: DocumentXml): XmlElement | null {
  const withText = doc.paragraphs.find((p) => descendants(p, `${doc.w}t`).some((t) => t.openEnd < t.closeStart));
  return withText ?? doc.paragraphs[0] ?? null;
}

function resolve(plan: CommentPlan, doc: DocumentXml, locator: Locator): Anchor | string {
  const { target } = plan;
  if (locator.problem !== null) return locator.problem;
  if (target.side === "document") return "该问题没有对应的原文位置";
  if (target.side === "table") {
    const cell = locator.cell(target.at);
    const paragraphs = cell ? cellParagraphs(doc, cell) : [];
    if (paragraphs.length === 0) return `未找到${cellLabel(target.at)}`;
    return wholeParagraphs(doc, paragraphs[0]!, paragraphs.at(-1)!);
  }
  const paragraph = locator.paragraph(target.at.paragraph);
  if (!paragraph) return `未找到第一部分第 ${target.at.paragraph} 段`;
  const sentence = target.sentence === null ? null : findSentence(doc, paragraph, target.sentence);
  return sentence ?? wholeParagraphs(doc, paragraph, paragraph);
}

/**
 * Returns a copy of a .docx with a Word comment (批注) on every finding of the chosen severities, anchored on the
 * Part 1 sentence and on the Part 2 cell it concerns, each saying in Chinese what is wrong and what the other side
 * says. Only markup is added (comment ranges and references in the document part, the comments part, its
 * relationship and content type): the text is untouched. Pure: bytes in, bytes out. `docx` must be the package the
 * document was read from (for a .doc, LibreOffice's conversion), already checked by the read stage.
 */
export async function annotateDocx(
  docx: Uint8Array,
  document: JixiaoDocument,
  options: AnnotateOptions = {},
): Promise<Annotation> {
  const parts = unpackDocx(docx);
  const doc = documentXml(parts, parseXml);
  const plans = planComments(document, options.severities ?? ["error", "warning"]);
  const locator = await locate(parts, doc, options.grid ?? (await readGrid(docx)));
  const unplaced: UnplacedComment[] = [];
  const fallback = firstParagraph(doc);
  const anchored = plans.flatMap((plan) => {
    const anchor = resolve(plan, doc, locator);
    if (typeof anchor !== "string") return [{ plan, anchor }];
    unplaced.push({ finding: plan.finding, side: plan.target.side, reason: anchor });
    if (!fallback) return [];
    const note = plan.target.side === "document" ? [] : [`（未能在原文中定位：${anchor}）`];
    return [{ plan: { ...plan, lines: [...plan.lines, ...note] }, anchor: wholeParagraphs(doc, fallback, fallback) }];
  });
  const written = commentsPart(
    parts,
    anchored.map((a) => a.plan.lines),
    doc,
    options,
  );
  const edits: Edit[] = boundaryEdits(
    doc,
    anchored.flatMap(({ anchor }, i) => {
      const id = written.ids[i]!;
      const w = doc.w;
      return [
        { boundary: anchor.start, order: id, markup: `<${w}commentRangeStart ${w}id="${id}"/>` },
        {
          boundary: anchor.end,
          order: -1_000_000 + id,
          markup: `<${w}commentRangeEnd ${w}id="${id}"/><${w}r><${w}commentReference ${w}id="${id}"/></${w}r>`,
        },
      ];
    }),
  );
  parts.set("word/document.xml", new TextEncoder().encode(applyEdits(doc.text, edits)));
  return {
    docx: packDocx(parts),
    comments: anchored.map(({ plan }, i) => ({ id: written.ids[i]!, finding: plan.finding, lines: plan.lines })),
    unplaced,
  };
}
