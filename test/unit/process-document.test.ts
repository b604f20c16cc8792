import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { processDocument } from "../../src/batch/process.js";
import { defaultConfig } from "../../src/config/index.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

async function run(name: string, bytes: Uint8Array) {
  const dir = await temp("jixiao-process-");
  await writeFile(join(dir, name), bytes);
  const summary = await processDocument({
    path: join(dir, name),
    source: name,
    sha256: "",
    outDir: dir,
    formats: ["json"],
    config: defaultConfig(),
    maxUnzippedBytes: 1024 * 1024,
    conversionTimeoutMs: 10_000,
    year: null,
    annotate: false,
    annotateDate: null,
  });
  return { summary, doc: JSON.parse(await readFile(join(dir, `${name}.json`), "utf8")) };
}

describe("processDocument's error records", () => {
  it("name a workbook that failed to read as xlsx, not by its zip container (bug: it said docx)", async () => {
    const broken = zipSync({
      "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types/>'),
      "xl/workbook.xml": strToU8("<workbook><sheets><sheet"),
    });
    const { summary, doc } = await run("预算.xlsx", broken);
    expect(summary.status).toBe("failed");
    expect(doc.error).not.toBeNull();
    expect(doc.source.format).toBe("xlsx");
  });

  it("fall back to the container when the content tells nothing more", async () => {
    const { doc } = await run("坏.docx", strToU8("PK\u0003\u0004 not really a zip"));
    expect(doc.error?.code).toBe("corrupt-zip");
    expect(doc.source.format).toBe("docx");
  });
});
