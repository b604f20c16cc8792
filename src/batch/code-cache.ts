import { readFileSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname } from "node:path";
import { constants, Script } from "node:vm";
import { hasV8Flags } from "./v8-settings.js";

/**
 * The code cache of a bundle for this process: V8 accepts a cache only under the flags it was made with, so a
 * process with the batch's V8 settings (and its workers) has its own.
 */
function codeCacheFile(bundle: string): string {
  return hasV8Flags() ? `${bundle}.batch.cache` : `${bundle}.cache`;
}

/**
 * Runs a CommonJS bundle (built by scripts/build.mjs) with the V8 code cache the build left beside it
 * (`codeCacheFile`), and returns its exports: a start then deserialises compiled code instead of compiling
 * megabytes of JavaScript (measured in docs/performance.md, "Fourth round"). Node 20 has no code cache for ES
 * modules, hence CommonJS bundles. A cache V8 rejects (another Node version, other V8 flags, a changed bundle)
 * only costs the compilation it would have saved.
 *
 * The returned `writeCache` saves the code compiled so far as this process's cache: the build's training runs
 * call it, and nothing else ever writes into the package.
 */
export function runCachedBundle<Exports>(bundle: string): { exports: Exports; writeCache: () => void } {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCacheFile(bundle));
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(bundle, "utf8")), {
    filename: bundle,
    ...(cachedData === undefined ? {} : { cachedData }),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const loaded = { exports: {} as Exports };
  script.runInThisContext()(loaded.exports, createRequire(bundle), loaded, bundle, dirname(bundle));
  return { exports: loaded.exports, writeCache: () => writeFileSync(codeCacheFile(bundle), script.createCachedData()) };
}
