/**
 * The web page's esbuild setup, shared by scripts/build-web.mjs and the test that bundles the core for the
 * browser (test/web/core-bundle.test.ts): platform browser, no Node builtins (an import of one fails the build),
 * the shipped YAML files loaded as text, and each `X.ts` of src/ that has an `X.browser.ts` beside it resolved
 * to that twin.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "src");

/** Resolves `./x.js` imported from src/ to `./x.browser.ts` when that file exists. */
export const browserTwins = {
  name: "browser-twins",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      if (!args.importer.startsWith(SRC)) return undefined;
      const twin = resolve(args.resolveDir, args.path.replace(/\.js$/, ".browser.ts"));
      return existsSync(twin) ? { path: twin } : undefined;
    });
  },
};

/** Bundles one entry for the browser; returns esbuild's result (with the metafile). */
export function bundleForBrowser(entry, options = {}) {
  return esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: ["chrome109", "firefox115", "edge109"],
    minify: true,
    legalComments: "none",
    charset: "utf8",
    write: false,
    metafile: true,
    logLevel: "silent",
    loader: { ".yaml": "text" },
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [browserTwins],
    ...options,
  });
}
