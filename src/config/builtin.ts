import { readFileSync } from "node:fs";

/**
 * The configuration files shipped with the package, by their path under config/. This is the Node side: read
 * from the package's config/ folder. The web page's bundle resolves this module to builtin.browser.ts, which
 * has the same files inlined at build time (see scripts/web-bundle.mjs), so the core reads no file at all there.
 */
export type BuiltinFile = "default.yaml" | "rules.yaml" | "presets/central-2021.yaml";

/** The text of a shipped configuration file. */
export function builtinText(file: BuiltinFile): string {
  return readFileSync(new URL(`../../config/${file}`, import.meta.url), "utf8");
}
