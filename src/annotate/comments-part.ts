import type { DocumentXml } from "./locate.js";
import { W_NAMESPACE } from "./locate.js";
import { type DocxParts, partText, setPartText } from "./package.js";
import { applyEdits, descendants, encodeXml, parseXml, type XmlElement } from "./xml.js";

/** A comment as written: its id in the package, the finding it is about (index in `findings`) and its text. */
export interface WrittenComment {
  readonly id: number;
  readonly finding: number;
  readonly lines: readonly string[];
}

const COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const RELS = "word/_rels/document.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";

/** The comments part the document's relationships name, or a new relationship to `word/comments.xml`. */
function commentsPartName(parts: DocxParts): string {
  const rels =
    partText(parts, RELS) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const root = parseXml(rels);
  const relationships = descendants(root, "Relationship");
  const existing = relationships.find(
    (r) => r.attributes.Type === COMMENTS_TYPE && r.attributes.TargetMode !== "External",
  );
  if (existing) {
    const target = existing.attributes.Target ?? "comments.xml";
    return target.startsWith("/") ? target.slice(1) : `word/${target}`;
  }
  const ids = new Set(relationships.map((r) => r.attributes.Id));
  let n = 1;
  while (ids.has(`rIdJixiao${n}`)) n++;
  const list = root.children.find((e) => e.name === "Relationships")!;
  const relationship = `<Relationship Id="rIdJixiao${n}" Type="${COMMENTS_TYPE}" Target="comments.xml"/>`;
  setPartText(parts, RELS, appendChild(rels, list, relationship));
  return "word/comments.xml";
}

/** Adds markup as the last child of an element (opening it when written as an empty-element tag, `<x/>`). */
function appendChild(text: string, element: XmlElement, child: string): string {
  const tag = text.slice(element.start, element.openEnd);
  if (element.openEnd === element.closeStart && tag.endsWith("/>"))
    return applyEdits(text, [
      { at: element.start, order: 0, text: `${tag.slice(0, -2)}>${child}</${element.name}>`, remove: tag.length },
    ]);
  return applyEdits(text, [{ at: element.closeStart, order: 0, text: child }]);
}

/** Declares the comments part's content type, unless the package already does. */
function declareContentType(parts: DocxParts, partName: string): void {
  const text = partText(parts, CONTENT_TYPES);
  if (text === null) throw new Error("[Content_Types].xml is missing");
  const root = parseXml(text);
  const overrides = descendants(root, "Override");
  if (overrides.some((o) => o.attributes.PartName?.toLowerCase() === `/${partName}`.toLowerCase())) return;
  const types = root.children.find((e) => e.name === "Types")!;
  const override = `<Override PartName="/${partName}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`;
  setPartText(parts, CONTENT_TYPES, appendChild(text, types, override));
}

/** The highest comment id the package already uses (in the comments part or the document), or -1. */
function highestId(existing: string | null, doc: DocumentXml): number {
  const ids = [
    ...(existing ?? "").matchAll(/\bw?:?id="(\d+)"/g),
    ...doc.text.matchAll(/comment\w*\s[^>]*?:id="(\d+)"/g),
  ];
  return Math.max(-1, ...ids.map((m) => Number(m[1])));
}

/**
 * Writes the comments into the package's comments part (created with its relationship and content type when the
 * document has none; appended after the existing comments otherwise) and returns the id given to each.
 */
export function commentsPart(
  parts: DocxParts,
  comments: readonly (readonly string[])[],
  doc: DocumentXml,
  options: { readonly author?: string; readonly date?: string | null },
): { ids: number[] } {
  const partName = commentsPartName(parts);
  declareContentType(parts, partName);
  const existing = partText(parts, partName);
  const first = highestId(existing, doc) + 1;
  const ids = comments.map((_, i) => first + i);
  const author = encodeXml(options.author ?? "jixiao");
  const date = options.date ? ` w:date="${encodeXml(options.date)}"` : "";
  const xml = comments
    .map((lines, i) => {
      const paragraphs = lines.map(
        (line, k) =>
          `<w:p>${k === 0 ? "<w:r><w:annotationRef/></w:r>" : ""}<w:r><w:t xml:space="preserve">${encodeXml(line)}</w:t></w:r></w:p>`,
      );
      return `<w:comment w:id="${ids[i]}" w:author="${author}" w:initials="JX"${date}>${paragraphs.join("")}</w:comment>`;
    })
    .join("");
  if (existing === null) {
    setPartText(
      parts,
      partName,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NAMESPACE}">${xml}</w:comments>`,
    );
  } else {
    // Written with a prefix of our own, declared on each comment, whatever prefix the existing part uses.
    const root = parseXml(existing);
    const list = root.children.find((e) => !e.name.startsWith("?"))!;
    const scoped = xml.replaceAll("<w:comment ", `<w:comment xmlns:w="${W_NAMESPACE}" `);
    setPartText(parts, partName, appendChild(existing, list, scoped));
  }
  return { ids };
}
