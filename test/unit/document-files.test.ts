import { describe, expect, it } from "vitest";
import { annotatedPath, outputPaths } from "../../src/batch/document-files.js";

describe("annotatedPath", () => {
  it.each([
    ["a/报告.docx", "a/报告.批注.docx"],
    ["a/报告.DOCX", "a/报告.批注.docx"],
    ["a/报告.doc", "a/报告.doc.批注.docx"],
    ["报告.wps", "报告.wps.批注.docx"],
    ["v1.2/报告.odt", "v1.2/报告.odt.批注.docx"],
  ])("%s → %s", (source, expected) => {
    expect(annotatedPath(source)).toBe(expected);
  });

  it("never gives two inputs of one folder the same annotated copy (x.doc beside x.docx)", () => {
    const sources = ["x.doc", "x.docx", "x.rtf", "x.odt"];
    expect(new Set(sources.map(annotatedPath)).size).toBe(sources.length);
  });

  it("stays apart from the other outputs of the same input", () => {
    const paths = Object.values(outputPaths("x.docx"));
    expect(paths).not.toContain(annotatedPath("x.docx"));
  });
});
