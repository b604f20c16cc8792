import { strFromU8, unzipSync } from "fflate";

/** A comment of a .docx as Word shows it: its text and the document text its range covers. */
export interface DocxComment {
  readonly id: string;
  readonly text: string;
  readonly anchor: string;
}

const TOKEN = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;

function decode(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!,
  );
}

/** The comments of a .docx with their anchored text, read independently of src/annotate (for round-trip tests). */
export function readComments(docx: Uint8Array): DocxComment[] {
  const files = unzipSync(docx);
  const comments = files["word/comments.xml"] ? strFromU8(files["word/comments.xml"]) : "";
  const document = strFromU8(files["word/document.xml"]!);
  const texts = new Map<string, string>();
  for (const m of comments.matchAll(/<w:comment\b[^>]*?w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)) {
    const paragraphs = [...m[2]!.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(""),
    );
    texts.set(m[1]!, paragraphs.join("\n"));
  }
  const open = new Map<string, string>();
  const anchors = new Map<string, string>();
  let inText = false;
  for (const m of document.matchAll(TOKEN)) {
    const [, closing, name, attrs, , chars] = m;
    if (chars !== undefined) {
      if (inText) for (const [id, text] of open) open.set(id, text + decode(chars));
      continue;
    }
    const id = /w:id="(\d+)"/.exec(attrs ?? "")?.[1];
    if (name === "w:t") inText = !closing && !m[4];
    else if (name === "w:commentRangeStart" && id !== undefined) open.set(id, "");
    else if (name === "w:commentRangeEnd" && id !== undefined) {
      anchors.set(id, open.get(id) ?? "");
      open.delete(id);
    }
  }
  return [...texts].map(([id, text]) => ({ id, text, anchor: anchors.get(id) ?? "" }));
}
