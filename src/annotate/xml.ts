/**
 * Just enough XML for editing a WordprocessingML part in place: the elements with their byte offsets in the
 * source text, so that markup can be inserted between them and everything else is kept exactly as written.
 * The parts reaching here passed the read stage (no DOCTYPE, so no entities beyond the five predefined ones).
 */

/** An element of the source text and where it sits in it. */
export interface XmlElement {
  /** The qualified name as written (`w:p`). */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Offset of `<` of the start tag. */
  readonly start: number;
  /** Offset just after the start tag's `>`. */
  readonly openEnd: number;
  /** Offset of `<` of the end tag (equal to openEnd for an empty-element tag). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  readonly parent: XmlElement | null;
  readonly children: XmlElement[];
}

// A markup token: a comment, CDATA, a processing instruction, or a tag (quoted attribute values may hold `>`).
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses the elements of an XML text; returns a synthetic root whose children are the top-level elements. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = {
    name: "",
    attributes: {},
    start: 0,
    openEnd: 0,
    closeStart: text.length,
    end: text.length,
    parent: null,
    children: [],
  };
  let current = root;
  for (const match of text.matchAll(TOKEN)) {
    const [token, closing, name, rawAttributes, empty] = match;
    if (name === undefined) continue; // comment, CDATA or processing instruction
    const at = match.index;
    if (closing) {
      if (current.name !== name) throw new Error(`unbalanced XML: </${name}> closes <${current.name}> at ${at}`);
      current.closeStart = at;
      current.end = at + token.length;
      current = current.parent!;
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (rawAttributes ?? "").matchAll(ATTRIBUTE)) attributes[a[1]!] = decodeXml(a[2] ?? a[3] ?? "");
    const element: XmlElement = {
      name,
      attributes,
      start: at,
      openEnd: at + token.length,
      closeStart: at + token.length,
      end: at + token.length,
      parent: current,
      children: [],
    };
    current.children.push(element);
    if (!empty) current = element;
  }
  if (current !== root) throw new Error(`unbalanced XML: <${current.name}> is not closed`);
  return root;
}

/** Every element below `element` in document order (pre-order), optionally only those named `name`. */
export function descendants(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const child of e.children) {
      if (name === undefined || child.name === name) out.push(child);
      visit(child);
    }
  };
  visit(element);
  return out;
}

/** The nearest ancestor named `name`, or null. */
export function ancestor(element: XmlElement, name: string): XmlElement | null {
  for (let e = element.parent; e !== null; e = e.parent) if (e.name === name) return e;
  return null;
}

const DECODE: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the predefined entities and character references. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    if (ref[0] !== "#") return DECODE[ref.toLowerCase()] ?? _;
    return String.fromCodePoint(
      ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1)),
    );
  });
}

/** Escapes text for element content or a double-quoted attribute. */
export function encodeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c]};`);
}

/** An insertion of markup at an offset of the source text. */
export interface Edit {
  readonly at: number;
  /** For edits at one offset: lower first. */
  readonly order: number;
  readonly text: string;
  /** Characters of the source replaced from `at` (0 for a pure insertion). */
  readonly remove?: number;
}

/** Applies edits to a text: insertions at one offset in `order`; replaced ranges must not overlap. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.at - b.at || a.order - b.order);
  let out = "";
  let position = 0;
  for (const edit of sorted) {
    if (edit.at < position) throw new Error(`overlapping XML edits at ${edit.at}`);
    out += text.slice(position, edit.at) + edit.text;
    position = edit.at + (edit.remove ?? 0);
  }
  return out + text.slice(position);
}
