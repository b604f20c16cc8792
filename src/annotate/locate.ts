import { type DocumentGrid, parseDocumentHtml } from "../grid/index.js";
import type { CellRef } from "../model/schema.js";
import { docxToHtml } from "../read/mammoth.js";
import { foldSpaces } from "../text.js";
import { type DocxParts, packDocx, partText, setPartText } from "./package.js";
import { ancestor, applyEdits, descendants, type XmlElement } from "./xml.js";

/** The WordprocessingML namespace, whatever prefix a document binds it to. */
export const W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** The document part as parsed, with the prefix its WordprocessingML elements use. */
export interface DocumentXml {
  readonly text: string;
  readonly root: XmlElement;
  /** `w:` (or whatever the document binds the namespace to, with the colon). */
  readonly w: string;
  /** Every paragraph element (`w:p`) in document order. */
  readonly paragraphs: readonly XmlElement[];
}

/** Where the grid's blocks and cells sit in the document part. */
export interface Locator {
  /** The paragraph element of a block (by block index), or null when it could not be found. */
  readonly paragraph: (block: number) => XmlElement | null;
  /** The cell element (`w:tc`) covering a grid position, or null. */
  readonly cell: (at: CellRef) => XmlElement | null;
  /** Why positions could not be mapped at all (the document differs from its reading), else null. */
  readonly problem: string | null;
}

/** The prefix bound to the WordprocessingML namespace on the document element (`w:` almost always). */
export function wordPrefix(root: XmlElement): string {
  const element = root.children.find((e) => !e.name.startsWith("?")) ?? root;
  for (const [name, value] of Object.entries(element.attributes))
    if (value === W_NAMESPACE) return name === "xmlns" ? "" : `${name.slice("xmlns:".length)}:`;
  return "w:";
}

// Markers are written in the Private Use Area, which no document text uses and the grid stage keeps as is.
const MARK_OPEN = "\ue000";
const MARK_CLOSE = "\ue001";
const MARKS = /\ue000(\d+)\ue001/g;

function markerIds(text: string): number[] {
  return [...text.matchAll(MARKS)].map((m) => Number(m[1]));
}

function stripMarkers(text: string): string {
  return foldSpaces(text.replace(MARKS, ""));
}

/** The offset inside a paragraph just after its properties (`w:pPr`), where its content starts. */
export function contentStart(paragraph: XmlElement, w: string): number {
  const first = paragraph.children[0];
  return first?.name === `${w}pPr` ? first.end : paragraph.openEnd;
}

/**
 * A copy of the package whose every paragraph starts with a run holding a numbered marker. Read by mammoth and the
 * grid stage as the document itself is, it shows which paragraph became which block and which cell: the same code
 * decides, so merged cells, rows that start late, nested tables, lists and content controls are all mapped as read.
 */
async function readMarked(parts: DocxParts, doc: DocumentXml): Promise<DocumentGrid> {
  const edits = doc.paragraphs.map((p, i) => ({
    at: contentStart(p, doc.w),
    order: 0,
    text: `<${doc.w}r><${doc.w}t>${MARK_OPEN}${i}${MARK_CLOSE}</${doc.w}t></${doc.w}r>`,
  }));
  const marked = new Map(parts);
  setPartText(marked, "word/document.xml", applyEdits(doc.text, edits));
  const html = await docxToHtml(packDocx(marked, 0));
  return parseDocumentHtml(html.value).value;
}

/** Reads the grid of the unmarked package, as the pipeline does. */
export async function readGrid(docx: Uint8Array): Promise<DocumentGrid> {
  return parseDocumentHtml((await docxToHtml(docx)).value).value;
}

/** Parses the document part and lists its paragraphs. */
export function documentXml(parts: DocxParts, parse: (text: string) => XmlElement): DocumentXml {
  const text = partText(parts, "word/document.xml");
  if (text === null) throw new Error("word/document.xml is missing");
  const root = parse(text);
  const w = wordPrefix(root);
  return { text, root, w, paragraphs: descendants(root, `${w}p`) };
}

/**
 * Maps the grid's blocks and cells to the document's elements. The marked reading's blocks are aligned with the
 * original reading's (the marked one has a block for every paragraph, where mammoth drops empty ones), checking
 * that each pair has the same text, so a position is never mapped to a paragraph that says something else.
 */
export async function locate(parts: DocxParts, doc: DocumentXml, original: DocumentGrid): Promise<Locator> {
  const marked = await readMarked(parts, doc);
  const blockMap = new Map<number, number>();
  let j = 0;
  let problem: string | null = null;
  for (const block of marked.blocks) {
    const target = original.blocks[j];
    if (target === undefined) break;
    if (block.kind === "table" && target.kind === "table") {
      j++;
      continue;
    }
    const text = block.kind === "paragraph" ? stripMarkers(block.text) : null;
    if (target.kind === "paragraph" && text === target.text) {
      const id = markerIds((block as { text: string }).text)[0];
      if (id !== undefined) blockMap.set(target.index, id);
      j++;
      continue;
    }
    if (text === "") continue; // a paragraph mammoth drops when it is empty
    problem = `block ${target.index} could not be matched`;
    break;
  }
  if (problem === null && j < original.blocks.length) problem = `${original.blocks.length - j} blocks were not matched`;
  const sameTables =
    marked.grids.length === original.grids.length &&
    marked.grids.every(
      (g, t) => g.width === original.grids[t]!.width && g.rows.length === original.grids[t]!.rows.length,
    );
  if (!sameTables) problem ??= "the tables differ from the document's reading";
  return {
    problem,
    paragraph: (block) => {
      const id = blockMap.get(block);
      return id === undefined ? null : (doc.paragraphs[id] ?? null);
    },
    cell: (at) => {
      if (!sameTables) return null;
      const cell = marked.grids[at.table]?.rows[at.row]?.[at.col];
      const expected = original.grids[at.table]?.rows[at.row]?.[at.col];
      if (!cell || !expected || stripMarkers(cell.text) !== foldSpaces(expected.text)) return null;
      const id = markerIds(cell.text)[0];
      const paragraph = id === undefined ? undefined : doc.paragraphs[id];
      return paragraph ? ancestor(paragraph, `${doc.w}tc`) : null;
    },
  };
}
