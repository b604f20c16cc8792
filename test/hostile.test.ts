import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractBuffer } from "../src/api.js";
import type { JixiaoDocument } from "../src/model/schema.js";
import { ReadError } from "../src/read/index.js";
import { canRead, FIXTURES } from "./helpers/fixtures.js";

const REFERENCE = `${FIXTURES}yutian-commerce-2025.docx`;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** What /etc/passwd says, to be sure none of it leaks (its first line, else the usual "root:"). */
const PASSWD_LINE = (() => {
  try {
    return readFileSync("/etc/passwd", "utf8").split("\n")[0] || "root:x:0:0";
  } catch {
    return "root:x:0:0";
  }
})();

// ---- building documents ----

const text = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (t: string) => `<w:p>${text(t)}</w:p>`;
const cell = (t: string, inner = "") => `<w:tc><w:p>${text(t)}</w:p>${inner}${inner ? "<w:p/>" : ""}</w:tc>`;
const row = (cells: readonly string[]) => `<w:tr>${cells.map((c) => cell(c)).join("")}</w:tr>`;
const table = (rows: readonly (readonly string[])[]) =>
  `<w:tbl><w:tblGrid>${"<w:gridCol/>".repeat(rows[0]!.length)}</w:tblGrid>${rows.map(row).join("")}</w:tbl>`;

/** A .docx from the reference fixture with document.xml (and optionally the document's relationships) rewritten. */
async function fromReference(edit: (xml: string) => string, rels?: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await readFile(REFERENCE));
  zip.file("word/document.xml", edit(await zip.file("word/document.xml")!.async("string")), { createFolders: false });
  if (rels)
    zip.file("word/_rels/document.xml.rels", rels(await zip.file("word/_rels/document.xml.rels")!.async("string")), {
      createFolders: false,
    });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** An edit adding XML at the end of the body (before its section properties). */
const atEnd = (extra: string) => (xml: string) => {
  const at = xml.lastIndexOf("<w:sectPr");
  return xml.slice(0, at) + extra + xml.slice(at);
};

/** A minimal hand-written .docx: content types, the package relationship and a body. */
async function minimalDocx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The top-level blocks of a document.xml body (paragraphs, tables, the section properties), with their text. */
function bodyBlocks(xml: string): { head: string; blocks: Block[]; tail: string } {
  const start = xml.indexOf("<w:body>") + "<w:body>".length;
  const end = xml.lastIndexOf("</w:body>");
  const body = xml.slice(start, end);
  const blocks: Block[] = [];
  let depth = 0;
  let from = 0;
  for (const m of body.matchAll(/<(\/?)(w:p|w:tbl|w:sectPr)(?=[\s>/])[^>]*?(\/?)>/g)) {
    const [tag, closing, , selfClosing] = m;
    if (depth === 0 && !closing) from = m.index;
    if (!selfClosing) depth += closing ? -1 : 1;
    if (depth === 0) {
      const block = body.slice(from, m.index + tag.length);
      blocks.push({
        xml: block,
        text: [...block.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
        table: block.startsWith("<w:tbl"),
      });
    }
  }
  return { head: xml.slice(0, start), blocks, tail: xml.slice(end) };
}

type Block = { readonly xml: string; readonly text: string; readonly table: boolean };

/** The reference document keeping only the body blocks `keep` selects (the section properties always stay). */
function keepBlocks(
  keep: (index: number, blocks: readonly Block[], part2: number) => boolean,
): (xml: string) => string {
  return (xml) => {
    const { head, blocks, tail } = bodyBlocks(xml);
    const part2 = blocks.findIndex((b) => b.text.replace(/\s/g, "") === "第二部分");
    expect(part2).toBeGreaterThan(0);
    const kept = blocks.filter((b, i) => keep(i, blocks, part2) || b.xml.startsWith("<w:sectPr"));
    return head + kept.map((b) => b.xml).join("") + tail;
  };
}

/** Extracts, returning the document or the ReadError; anything else thrown fails the test. */
async function attempt(bytes: Buffer, name: string): Promise<JixiaoDocument | ReadError> {
  try {
    return await extractBuffer(bytes, name);
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
}

const codes = (doc: JixiaoDocument) => new Set(doc.warnings.map((w) => w.code));
const indicatorCount = (doc: JixiaoDocument) => doc.projects.reduce((n, p) => n + p.indicators.length, 0);

// ---- hostile content ----

describe("hostile content reads no local file and reaches no network", () => {
  let server: Server;
  let url: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? "");
      res.end("root:x:0:0:leaked-through-http");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const withDoctype = (doctype: string, body: string) => (xml: string) =>
    xml
      .replace(/^<\?xml[^>]*\?>/, `<?xml version="1.0" encoding="UTF-8"?>${doctype}`)
      .replace("<w:body>", `<w:body>${body}`);

  const cases: [string, () => Promise<Buffer>][] = [
    [
      "an external entity to file:///etc/passwd",
      () =>
        fromReference(
          withDoctype('<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', para("开头&xxe;结尾")),
        ),
    ],
    [
      "an external parameter entity",
      () =>
        fromReference(withDoctype('<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>', para("x"))),
    ],
    [
      "an external entity over HTTP",
      () => fromReference(withDoctype(`<!DOCTYPE w:document [<!ENTITY net SYSTEM "${url}/entity">]>`, para("&net;"))),
    ],
    ["an external DTD", () => fromReference(withDoctype(`<!DOCTYPE w:document SYSTEM "${url}/dtd">`, para("x")))],
    [
      "nested internal entities (billion laughs)",
      () =>
        fromReference(
          withDoctype(
            `<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 8 }, (_, i) => `<!ENTITY ${"bcdefghi"[i]} "${`&${"abcdefgh"[i]};`.repeat(10)}">`).join("")}]>`,
            para("&i;"),
          ),
        ),
    ],
    [
      "an external image, an external linked image and external hyperlinks",
      () =>
        fromReference(
          (xml) =>
            xml.replace(
              "<w:body>",
              `<w:body><w:p><w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="901" name="x"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="901" name="x"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdX1"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>` +
                `<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="902" name="y"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="902" name="y"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdX2"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
                `<w:p><w:hyperlink r:id="rIdX3">${text("passwd")}</w:hyperlink><w:hyperlink r:id="rIdX4">${text("web")}</w:hyperlink></w:p>`,
            ),
          (rels) =>
            rels.replace(
              "</Relationships>",
              `<Relationship Id="rIdX1" Type="${REL}/image" Target="file:///etc/passwd" TargetMode="External"/>` +
                `<Relationship Id="rIdX2" Type="${REL}/image" Target="${url}/image.png" TargetMode="External"/>` +
                `<Relationship Id="rIdX3" Type="${REL}/hyperlink" Target="file:///etc/passwd" TargetMode="External"/>` +
                `<Relationship Id="rIdX4" Type="${REL}/hyperlink" Target="${url}/link" TargetMode="External"/></Relationships>`,
            ),
        ),
    ],
  ];

  it.runIf(canRead("legacy.doc"))(
    "an RTF (read through LibreOffice) with fields that include /etc/passwd and fetch a picture",
    { timeout: 120_000 },
    async () => {
      const rtf = [
        "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\f0 Before\\par",
        '{\\field{\\*\\fldinst INCLUDETEXT "/etc/passwd"}{\\fldrslt cached}}\\par',
        '{\\field{\\*\\fldinst INCLUDETEXT "file:///etc/passwd"}{\\fldrslt cached}}\\par',
        `{\\field{\\*\\fldinst INCLUDEPICTURE "${url}/picture.png" \\\\d}{\\fldrslt picture}}\\par`,
        `{\\field{\\*\\fldinst HYPERLINK "${url}/link"}{\\fldrslt link}}\\par After\\par}`,
      ].join("\n");
      const outcome = await attempt(Buffer.from(rtf, "utf8"), "fields.doc");
      expect(outcome).not.toBeInstanceOf(ReadError);
      const seen = JSON.stringify(outcome);
      expect(seen).not.toContain("root:");
      expect(seen).not.toContain(PASSWD_LINE);
      expect(requests).toEqual([]);
    },
  );

  it.each(cases)(
    "%s: a result or a ReadError, with nothing from /etc/passwd or the network",
    { timeout: 60_000 },
    async (name, build) => {
      const outcome = await attempt(await build(), `${name}.docx`);
      const seen = outcome instanceof ReadError ? `${outcome.code} ${outcome.message}` : JSON.stringify(outcome);
      expect(seen).not.toContain("root:");
      expect(seen).not.toContain(PASSWD_LINE);
      expect(seen).not.toContain("leaked-through-http");
      expect(requests).toEqual([]);
      if (outcome instanceof ReadError) {
        // A DOCTYPE is refused before parsing: Word never writes one.
        expect(outcome.code).toBe("unsafe-xml");
      } else {
        // The document around the hostile parts is still read.
        expect(outcome.projects).toHaveLength(4);
        expect(indicatorCount(outcome)).toBe(38);
      }
    },
  );
});

// ---- deep and large tables ----

describe("deeply nested and very long tables finish", () => {
  it("reads tables nested 50 deep", { timeout: 120_000 }, async () => {
    let nested = table([["最内层"]]);
    for (let depth = 49; depth >= 1; depth--)
      nested = `<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>${cell(`第 ${depth} 层`, nested)}</w:tr></w:tbl>`;
    const doc = await extractBuffer(await fromReference(atEnd(nested)), "nested.docx");
    expect(doc.warnings.filter((w) => w.code === "nested-table")).toHaveLength(49);
    expect(doc.projects).toHaveLength(4);
    expect(indicatorCount(doc)).toBe(38);
    expect(doc.narrative?.projects).toHaveLength(4);
  });

  // Uncapped, this grid takes ten million cells (about a minute and gigabytes); capped it takes a second.
  it("reads a cell that claims to span ten million columns", { timeout: 20_000 }, async () => {
    const wide = `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="10000000"/></w:tcPr>${para("宽")}</w:tc></w:tr>${row(["窄"])}</w:tbl>`;
    const doc = await extractBuffer(await fromReference(atEnd(wide)), "wide.docx");
    expect(doc.projects).toHaveLength(4);
    expect(doc.narrative?.projects).toHaveLength(4);
    expect(codes(doc)).toContain("ragged-row");
  });

  it("reads a 5,000-row indicator table", { timeout: 180_000 }, async () => {
    const rows = [["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]];
    for (let k = 1; k <= 5000; k++)
      rows.push(["产出指标", "数量指标", `宣传推介活动${k}`, `开展宣传推介活动${k}`, `≥${k}次`, "2025年度工作计划"]);
    const big = table(rows);
    // The last table of the reference is the last project's (招商经费) indicator table: it is replaced.
    const doc = await extractBuffer(
      await fromReference((xml) => {
        const start = xml.lastIndexOf("<w:tbl>");
        return xml.slice(0, start) + big + xml.slice(xml.indexOf("</w:tbl>", start) + "</w:tbl>".length);
      }),
      "long.docx",
    );
    const project = doc.projects.find((p) => p.name === "招商经费")!;
    expect(project.indicators).toHaveLength(5000);
    expect(project.indicators[4999]).toMatchObject({
      level3: "宣传推介活动5000",
      value: { op: ">=", number: 5000, unit: "次" },
    });
    // The other projects are untouched.
    const reference = await extractBuffer(await readFile(REFERENCE), "reference.docx");
    const others = (d: JixiaoDocument) =>
      d.projects.filter((p) => p.name !== "招商经费").map((p) => p.indicators.length);
    expect(others(doc)).toEqual(others(reference));
  });
});

// ---- documents that parse but are not what we expect ----

describe("documents that are not what we expect give warnings, never an exception", () => {
  it("only Part 1: the narrative is read, no-part2", async () => {
    const doc = await extractBuffer(await fromReference(keepBlocks((i, _blocks, part2) => i < part2)), "part1.docx");
    expect(doc.projects).toEqual([]);
    expect(doc.narrative?.projects).toHaveLength(4);
    expect(codes(doc)).toContain("no-part2");
    expect(codes(doc)).not.toContain("no-part1");
  });

  it("only Part 2: the tables are read, no-part1", async () => {
    const doc = await extractBuffer(await fromReference(keepBlocks((i, _blocks, part2) => i >= part2)), "part2.docx");
    expect(doc.projects).toHaveLength(4);
    expect(indicatorCount(doc)).toBe(38);
    expect(codes(doc)).toContain("no-part1");
    expect(codes(doc)).not.toContain("no-part2");
  });

  it("no tables at all: Part 1 is read, no-part2", async () => {
    const doc = await extractBuffer(
      await fromReference(keepBlocks((i, blocks) => !blocks[i]!.table)),
      "no-tables.docx",
    );
    expect(doc.projects).toEqual([]);
    expect(doc.narrative?.projects).toHaveLength(4);
    expect(codes(doc)).toContain("no-part2");
  });

  it("a table of another kind: no-part1 and no-part2", async () => {
    const body =
      para("2025年职工名册") +
      table([
        ["姓名", "部门", "职务"],
        ["张三", "办公室", "主任"],
        ["李四", "财务股", "会计"],
      ]);
    const doc = await extractBuffer(await minimalDocx(body), "roster.docx");
    expect(doc.projects).toEqual([]);
    expect(codes(doc)).toEqual(new Set(["no-part2", "no-part1"]));
    expect(doc.error).toBeNull();
  });

  it("an empty body: no-part1 and no-part2", async () => {
    const doc = await extractBuffer(await minimalDocx(""), "empty-body.docx");
    expect(doc.projects).toEqual([]);
    expect(codes(doc)).toEqual(new Set(["no-part2", "no-part1"]));
  });

  it("a project header table without an indicator table: the header is read, missing-indicator-table", async () => {
    // Part 2 up to its first indicator table: the heading, the first project's title, unit table and header table.
    const firstIndicatorTable = (blocks: readonly Block[]) =>
      blocks.findIndex((b) => b.table && b.text.startsWith("一级指标"));
    const doc = await extractBuffer(
      await fromReference(keepBlocks((i, blocks, part2) => i >= part2 && i < firstIndicatorTable(blocks))),
      "header-only.docx",
    );
    expect(doc.projects).toHaveLength(1);
    expect(doc.projects[0]).toMatchObject({ code: "13022925P00JXC4194973", name: "残疾人保障金", indicators: [] });
    expect(doc.projects[0]!.budget.total).toBe(34000);
    expect(codes(doc)).toContain("missing-indicator-table");
  });

  it("an indicator table with no project table above it: orphan-indicator-table", async () => {
    const body = table([
      ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
      ["产出指标", "数量指标", "培训人数", "培训人数", "≥100人", "计划"],
    ]);
    const doc = await extractBuffer(await minimalDocx(body), "orphan.docx");
    expect(doc.projects).toHaveLength(1);
    expect(doc.projects[0]!.indicators).toHaveLength(1);
    expect(codes(doc)).toContain("orphan-indicator-table");
  });
});
