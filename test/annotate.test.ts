import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { type AnnotatedDocument, annotateBuffer, extractBuffer } from "../src/api.js";
import { parseDocumentHtml } from "../src/grid/index.js";
import { readDocument } from "../src/read/index.js";
import { type DocxComment, readComments } from "./helpers/comments.js";
import { canRead, FIXTURES, REFERENCE_FIXTURES } from "./helpers/fixtures.js";
import { tempFolders } from "./helpers/temp.js";

const run = promisify(execFile);
const temp = tempFolders();

/** The three writers' reference files and variants with other layouts (stacked projects, list narratives, `**`). */
const FIXTURES_TO_ANNOTATE = [
  ...REFERENCE_FIXTURES,
  "variants/stacked.docx",
  "variants/narrative-lists.docx",
  "variants/beizhu-placeholders.docx",
].filter(canRead);

/** Text compared without spaces: Word and LibreOffice may write a sentence's spaces in other runs. */
const compact = (text: string) => text.replace(/[\s\u3000\u00a0]+/g, "");

interface Case {
  readonly fixture: string;
  readonly input: Uint8Array;
  /** The .docx that was read: the input, or LibreOffice's conversion of the .doc. */
  readonly docx: Uint8Array;
  readonly html: string;
  readonly result: AnnotatedDocument;
  readonly comments: DocxComment[];
  /** The annotated file after LibreOffice opened it and saved it again as .docx. */
  roundTrip: DocxComment[] | null;
}

const cases = new Map<string, Case>();

beforeAll(async () => {
  const dir = await temp("jixiao-annotate-");
  const files: string[] = [];
  for (const [i, fixture] of FIXTURES_TO_ANNOTATE.entries()) {
    const input = await readFile(join(FIXTURES, fixture));
    const read = await readDocument(input);
    if (read.value.kind !== "html") throw new Error(`${fixture} was not read as a Word document`);
    const result = await annotateBuffer(input, fixture);
    const annotated = result.annotation!.docx;
    const file = join(dir, `annotated-${i}.docx`);
    await writeFile(file, annotated);
    files.push(file);
    const comments = readComments(annotated);
    cases.set(fixture, {
      fixture,
      input,
      docx: read.value.docx,
      html: read.value.html,
      result,
      comments,
      roundTrip: null,
    });
  }
  // One LibreOffice run, with a profile of its own, converts every annotated file to .docx again.
  const out = join(dir, "roundtrip");
  await run(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "docx:MS Word 2007 XML",
      "--outdir",
      out,
      ...files,
    ],
    { timeout: 240_000 },
  );
  for (const [i, fixture] of FIXTURES_TO_ANNOTATE.entries())
    cases.get(fixture)!.roundTrip = readComments(await readFile(join(out, `annotated-${i}.docx`)));
}, 300_000);

describe.each(FIXTURES_TO_ANNOTATE)("annotated %s", (fixture) => {
  it("has a comment on every error and warning, each anchored where its finding points", () => {
    const { result, comments, html } = cases.get(fixture)!;
    const { document, annotation } = result;
    expect(annotation!.unplaced).toEqual([]);
    expect(document.warnings.filter((w) => w.code.startsWith("annotation-"))).toEqual([]);
    const flagged = document.findings.flatMap((f, i) => (f.severity === "info" ? [] : [i]));
    expect(flagged.length).toBeGreaterThan(0);
    expect([...new Set(annotation!.comments.map((c) => c.finding))].sort((a, b) => a - b)).toEqual(flagged);
    expect(comments).toHaveLength(annotation!.comments.length);

    const grid = parseDocumentHtml(html).value;
    const byId = new Map(comments.map((c) => [Number(c.id), c]));
    for (const written of annotation!.comments) {
      const comment = byId.get(written.id)!;
      expect(comment.text).toBe(written.lines.join("\n"));
      const f = document.findings[written.finding]!;
      expect(comment.text).toContain(f.message);
      expect(comment.text).toMatch(f.severity === "error" ? /^【错误】/ : /^【警告】/);
      // The anchor is the sentence, or the cell, or (for a finding about a whole project) a heading or cell.
      const sentence = f.narrative?.text ?? null;
      const at = f.table?.at;
      const cell = at && "table" in at ? grid.grids[at.table]!.rows[at.row]![at.col]!.text : null;
      const expected = [sentence, cell].filter((t): t is string => t !== null).map(compact);
      if (expected.length > 0) expect(expected).toContain(compact(comment.anchor));
      else expect(comment.anchor).not.toBe("");
    }
    // Comments on the Part 2 side quote the Part 1 sentence, and the other way round.
    for (const written of annotation!.comments) {
      const f = document.findings[written.finding]!;
      const text = written.lines.join("\n");
      if (f.narrative?.text && f.table?.value && compact(byId.get(written.id)!.anchor) !== compact(f.narrative.text))
        expect(text).toContain(f.narrative.text);
      else if (f.table?.value && f.narrative?.text) expect(text).toContain(`指标值“${f.table.value.raw}”`);
    }
  });

  it("keeps the document's text and data exactly as they were", async () => {
    const { docx, result } = cases.get(fixture)!;
    const annotated = Buffer.from(result.annotation!.docx);
    const [before, after] = await Promise.all([
      mammoth.extractRawText({ buffer: Buffer.from(docx) }),
      mammoth.extractRawText({ buffer: annotated }),
    ]);
    expect(after.value).toBe(before.value);
    const again = await extractBuffer(annotated, fixture);
    expect({ ...again, source: null }).toEqual({ ...(await extractBuffer(docx, fixture)), source: null });
  });

  it("keeps every comment, its text and its anchor through a LibreOffice round trip", () => {
    const { comments, roundTrip } = cases.get(fixture)!;
    const key = (c: DocxComment) => `${c.text}\u0000${compact(c.anchor)}`;
    expect(roundTrip!.map(key).sort()).toEqual(comments.map(key).sort());
  });
});

describe("annotating leaves the input alone", () => {
  it("does not modify the input bytes", async () => {
    const fixture = REFERENCE_FIXTURES[0];
    const { input } = cases.get(fixture)!;
    expect(Buffer.compare(Buffer.from(input), await readFile(join(FIXTURES, fixture)))).toBe(0);
  });
});
