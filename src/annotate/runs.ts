import type { DocumentXml } from "./locate.js";
import { ancestor, decodeXml, descendants, type Edit, encodeXml, type XmlElement } from "./xml.js";

/** One end of a comment range: an offset between elements, or a character inside a text element (`w:t`). */
export type Boundary =
  | { readonly kind: "offset"; readonly at: number }
  | { readonly kind: "text"; readonly t: XmlElement; readonly offset: number };

/** Markup to place at a boundary; at one place, lower `order` first. */
export interface BoundaryMarkup {
  readonly boundary: Boundary;
  readonly order: number;
  readonly markup: string;
}

const SPACE = /[\s\u3000\u00a0\u200b\ufeff]/;

/** Whether an element sits in content mammoth does not read (`mc:Choice`: it reads the fallback). */
function unread(element: XmlElement): boolean {
  for (let e = element.parent; e !== null; e = e.parent) if (e.name === "mc:Choice") return true;
  return false;
}

/**
 * Finds a sentence in a paragraph's text (spaces ignored on both sides) and returns the range that covers it, as
 * two boundaries inside its text elements; null when the paragraph does not contain it.
 */
export function findSentence(
  doc: DocumentXml,
  paragraph: XmlElement,
  sentence: string,
): { start: Boundary; end: Boundary } | null {
  const texts = descendants(paragraph, `${doc.w}t`).filter(
    (t) => ancestor(t, `${doc.w}p`) === paragraph && ancestor(t, `${doc.w}r`) !== null && !unread(t),
  );
  let compact = "";
  const where: { t: XmlElement; offset: number }[] = [];
  for (const t of texts) {
    const chars = [...decodeXml(doc.text.slice(t.openEnd, t.closeStart))];
    let offset = 0;
    for (const c of chars) {
      if (!SPACE.test(c)) {
        compact += c;
        // One entry per UTF-16 unit, so indexOf on the string and this map agree.
        for (let k = 0; k < c.length; k++) where.push({ t, offset });
      }
      offset += c.length;
    }
  }
  const needle = [...sentence].filter((c) => !SPACE.test(c)).join("");
  const at = needle === "" ? -1 : compact.indexOf(needle);
  if (at < 0) return null;
  const first = where[at]!;
  const last = where[at + needle.length - 1]!;
  const lastChar = decodeXml(doc.text.slice(last.t.openEnd, last.t.closeStart)).codePointAt(last.offset)!;
  return {
    start: { kind: "text", t: first.t, offset: first.offset },
    end: { kind: "text", t: last.t, offset: last.offset + (lastChar > 0xffff ? 2 : 1) },
  };
}

/**
 * Turns boundary markup into edits of the document part. Markup at an offset is inserted there; markup inside a
 * text element goes before or after its run when it falls at the run's edge, else the run is split in two there
 * (the second half repeats the run's properties), so the text and its formatting stay exactly as they were.
 */
export function boundaryEdits(doc: DocumentXml, items: readonly BoundaryMarkup[]): Edit[] {
  const edits: Edit[] = [];
  const splits = new Map<XmlElement, { offset: number; order: number; markup: string }[]>();
  for (const { boundary, order, markup } of items) {
    if (boundary.kind === "offset") {
      edits.push({ at: boundary.at, order, text: markup });
      continue;
    }
    const { t, offset } = boundary;
    const run = t.parent!;
    const content = run.children.filter((c) => c.name !== `${doc.w}rPr`);
    const length = decodeXml(doc.text.slice(t.openEnd, t.closeStart)).length;
    if (offset === 0 && content[0] === t) edits.push({ at: run.start, order, text: markup });
    else if (offset === length && content.at(-1) === t) edits.push({ at: run.end, order, text: markup });
    else splits.set(t, [...(splits.get(t) ?? []), { offset, order, markup }]);
  }
  for (const [t, cuts] of splits) {
    const run = t.parent!;
    const w = doc.w;
    const properties =
      run.children[0]?.name === `${w}rPr` ? doc.text.slice(run.children[0].start, run.children[0].end) : "";
    const text = decodeXml(doc.text.slice(t.openEnd, t.closeStart));
    const sorted = [...cuts].sort((a, b) => a.offset - b.offset || a.order - b.order);
    const open = `<${w}t xml:space="preserve">`;
    let out = "";
    let from = 0;
    let i = 0;
    while (i < sorted.length) {
      const offset = sorted[i]!.offset;
      out += `${open}${encodeXml(text.slice(from, offset))}</${w}t></${w}r>`;
      while (i < sorted.length && sorted[i]!.offset === offset) out += sorted[i++]!.markup;
      out += `<${w}r${runAttributes(doc, run)}>${properties}`;
      from = offset;
    }
    out += `${open}${encodeXml(text.slice(from))}</${w}t>`;
    edits.push({ at: t.start, order: 0, text: out, remove: t.end - t.start });
  }
  return edits;
}

/** The run's start-tag attributes (rsids and the like), repeated on the split-off half. */
function runAttributes(doc: DocumentXml, run: XmlElement): string {
  const tag = doc.text.slice(run.start, run.openEnd);
  const name = `<${run.name}`;
  return tag.slice(name.length, tag.endsWith("/>") ? -2 : -1);
}
