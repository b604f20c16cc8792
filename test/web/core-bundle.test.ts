/**
 * The library's pure core has no Node-only import (issue 18): src/core.ts bundled for the browser — esbuild,
 * platform browser, no Node builtins, the .browser.ts twins resolved — must build. An import of a `node:` module,
 * of a package that needs one, or of the Node-only read modules (LibreOffice, yauzl, exceljs) anywhere under the
 * core fails the build or the checks below.
 */
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleForBrowser, ROOT } from "../../scripts/web-bundle.mjs";

/** Modules only Node's side uses: their twins, the readers that need LibreOffice, yauzl, zlib or exceljs. */
const NODE_SIDE = [
  "src/config/builtin.ts",
  "src/sha256.ts",
  "src/read/libreoffice.ts",
  "src/read/zip.ts",
  "src/read/spreadsheet.ts",
  "src/read/read.ts",
  "src/api.ts",
];

describe("the core bundled for the browser", () => {
  it("builds without any Node module, with the browser twins in place of the Node ones", async () => {
    const result = await bundleForBrowser("src/core.ts");
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs).map((p) => relative(ROOT, p));
    expect(inputs).toContain("src/config/builtin.browser.ts");
    expect(inputs).toContain("src/sha256.browser.ts");
    expect(inputs).toContain("src/pipeline.ts");
    expect(inputs.filter((p) => NODE_SIDE.includes(p))).toEqual([]);
    expect(inputs.filter((p) => /node_modules\/(yauzl|yazl|exceljs|piscina|fast-glob)\//u.test(p))).toEqual([]);
  }, 120_000);

  it("fails on a module that imports Node (the Node API), so the check above can fail", async () => {
    await expect(bundleForBrowser("src/api.ts")).rejects.toThrow(
      /Could not resolve "(node:)?(fs|zlib|crypto|stream|child_process)/u,
    );
  }, 120_000);
});
