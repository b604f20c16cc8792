/**
 * The web page's read stage (src/read/browser.ts, zip-browser.ts) and hash (sha256.browser.ts) against Node's: the
 * same document from the same .docx, the same error code for every bad input Node reads without LibreOffice, and
 * the same sha256.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { extractBuffer } from "../../src/api.js";
import { defaultConfig } from "../../src/config/index.js";
import { processRead } from "../../src/pipeline.js";
import { browserInputFormat, readDocumentInBrowser } from "../../src/read/browser.js";
import { classify, detectFormat, ReadError, readDocument } from "../../src/read/index.js";
import { sha256 as sha256Browser } from "../../src/sha256.browser.js";
import { type BadInput, buildBadInputs } from "../helpers/bad-inputs.js";
import { FIXTURES } from "../helpers/fixtures.js";
import { mulberry32 } from "../helpers/random.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

/** The error code a read ends with, or "ok". */
async function outcome(read: () => Promise<unknown>): Promise<string> {
  try {
    await read();
    return "ok";
  } catch (error) {
    if (error instanceof ReadError) return error.code;
    throw error;
  }
}

describe("the browser's sha256", () => {
  it("equals Node's on every length around the block boundaries and on a document", async () => {
    const random = mulberry32(7);
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_001]) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      expect(sha256Browser(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    const docx = await readFile(join(FIXTURES, "yutian-commerce-2025.docx"));
    expect(sha256Browser(docx)).toBe(createHash("sha256").update(docx).digest("hex"));
  });
});

describe("the browser's read stage", () => {
  it.each(["yutian-commerce-2025.docx", "yutian-commerce-2025.libreoffice.docx", "variants/shenbaobiao.docx"])(
    "reads %s into the same document as Node's",
    async (name) => {
      const bytes = await readFile(join(FIXTURES, name));
      const read = await readDocumentInBrowser(new Uint8Array(bytes));
      const doc = processRead(
        read.value,
        { path: name, sha256: sha256Browser(bytes), format: read.value.format },
        defaultConfig(),
        read.warnings,
      );
      expect(doc).toEqual(await extractBuffer(bytes, name));
    },
  );

  describe("on bad inputs", () => {
    let inputs: BadInput[];
    let dir: string;
    beforeAll(async () => {
      dir = await temp("jixiao-portable-read-");
      inputs = await buildBadInputs(dir, 20_250_901);
    });

    it("gives Node's error code wherever Node reads without LibreOffice, and asks for a .docx otherwise; records Node's format", async () => {
      const differences: string[] = [];
      for (const input of inputs) {
        const bytes = new Uint8Array(await readFile(join(dir, input.file)));
        const browser = await outcome(() => readDocumentInBrowser(bytes, input.file));
        let format: string | null = null;
        const classified = await outcome(async () => {
          format = (await classify(bytes, { name: input.file })).format;
        });
        let expected: string;
        if (classified !== "ok") expected = classified;
        else if (format === "docx") expected = await outcome(() => readDocument(bytes, { name: input.file }));
        else if (format === "xlsx" || format === "ods" || format === "xls") expected = "browser-workbook";
        else expected = "browser-needs-docx";
        if (browser !== expected) differences.push(`${input.file} (${input.about}): ${browser}, Node ${expected}`);
        // The error record's format, as the CLI's batch records it: the content's format, else the container.
        const recorded = classified === "ok" ? format : detectFormat(bytes);
        if (browserInputFormat(bytes, input.file) !== recorded)
          differences.push(`${input.file}: format ${browserInputFormat(bytes, input.file)}, Node ${recorded}`);
      }
      expect(differences).toEqual([]);
    });
  });
});
