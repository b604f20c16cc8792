/**
 * `npm run build`: the library and its types with tsc (dist/), then the CLI and the batch worker bundled with
 * esbuild (dist/bin/, the `jixiao` bin). Each step runs only when a file it reads is newer than what it last
 * built, so `npm start` and `npm test` on an unchanged tree skip both (`--force` runs them anyway).
 *
 * The bundles: start-up reads a few files instead of hundreds, and the CLI and the worker share chunks; what only
 * some commands need (the pipeline in the main thread) is split into chunks loaded
 * when used (dynamic imports). Kept external: piscina, which starts its workers from a file of its own beside
 * its code, and exceljs, loaded only for spreadsheets (inside node_modules its dependencies' old `Buffer()` calls
 * raise no deprecation warning). Measured in docs/performance.md ("Start-up").
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const force = process.argv.includes("--force");
const TSBUILDINFO = "dist/.tsbuildinfo";
const BIN_DIR = "dist/bin";
const BIN = join(BIN_DIR, "jixiao.js");
const TRAINING_INPUT = "fixtures/yutian-commerce-2025.docx";

/** The newest modification time of the files a build reads. */
function newestInput() {
  const files = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "scripts/build.mjs"];
  for (const dir of ["src", "config"])
    for (const name of readdirSync(dir, { recursive: true })) files.push(join(dir, String(name)));
  return Math.max(...files.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
}

const stale = (output, newest) => force || !existsSync(output) || statSync(output).mtimeMs < newest;
const newest = newestInput();

if (stale(TSBUILDINFO, newest)) {
  // Incremental: tsc itself re-emits only the files whose content changed.
  const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    stdio: "inherit",
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  // tsc leaves its build info untouched when nothing it emits changed: mark it as built now.
  const now = new Date();
  utimesSync(TSBUILDINFO, now, now);
}

if (stale(BIN, newest)) {
  rmSync(BIN_DIR, { recursive: true, force: true });
  // The built-in configuration, parsed and checked by the library tsc just built, goes into the bundles as JSON
  // (src/config/load.ts): each start then skips the YAML parser and the schema.
  const { defaultConfig } = await import(`../dist/config/load.js?${Date.now()}`);
  const common = {
    bundle: true,
    platform: "node",
    target: "node20",
    // Whitespace and syntax only: names stay, so a stack trace still reads (and the source maps map it back).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    external: ["piscina", "exceljs"],
    define: { __JIXIAO_DEFAULT_CONFIG__: JSON.stringify(JSON.stringify(defaultConfig())) },
    logLevel: "warning",
  };
  // The CLI and the batch worker: each one CommonJS file, which a small ES module beside it runs with V8's code
  // cache (src/batch/code-cache.ts). Modules imported dynamically stay unevaluated until a command imports them.
  // `import.meta.url` is the bundle's own URL, as it was each module's in dist/bin/ (the paths it resolves are
  // relative to that folder).
  const commonJs = {
    ...common,
    outdir: BIN_DIR,
    outExtension: { ".js": ".cjs" },
    format: "cjs",
    // A script run through node:vm with a code cache has no dynamic import (Node 20: "A dynamic import callback
    // was not specified"): import() of an external package (exceljs) becomes require().
    supported: { "dynamic-import": false },
    define: { ...common.define, "import.meta.url": "__jixiaoUrl" },
    banner: { js: 'const __jixiaoUrl = require("node:url").pathToFileURL(__filename).href;' },
  };
  await Promise.all([
    build({ ...commonJs, entryPoints: { cli: "src/cli/start.ts", worker: "src/batch/worker.ts" } }),
    // The bin, and the worker's file piscina starts.
    build({
      ...common,
      entryPoints: { jixiao: "src/cli/bin.ts", worker: "src/batch/worker-entry.ts" },
      outdir: BIN_DIR,
      format: "esm",
    }),
  ]);
  chmodSync(BIN, 0o755);
  // The training runs, whose compiled code the bundles keep as their code caches: one document's audit (in the
  // CLI's own thread) and batches of two with one worker. Without the reference fixture (a package built outside
  // the repository) each start compiles, as it would without a cache.
  if (existsSync(TRAINING_INPUT)) {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-build-"));
    try {
      for (const name of ["a.docx", "b.docx"]) copyFileSync(TRAINING_INPUT, join(dir, name));
      const train = (node, args, env) => {
        const run = spawnSync(process.execPath, [...node, BIN, ...args, "-q"], {
          stdio: "inherit",
          env: { ...process.env, ...env },
        });
        if (run.status !== 0) process.exit(run.status ?? 1);
      };
      const two = (out) => [join(dir, "a.docx"), join(dir, "b.docx"), "-o", join(dir, out), "--jobs", "1"];
      // Each writes its process's cache beside its bundle (src/batch/code-cache.ts names it).
      train([], ["audit", join(dir, "a.docx"), "-o", join(dir, "one")], { JIXIAO_WRITE_CODE_CACHE: "1" });
      train([], two("two"), { JIXIAO_WRITE_WORKER_CODE_CACHE: "1" });
      // Under V8's batch settings, as a process started again with them (src/batch/v8-settings.ts), so that its
      // worker knows the flags too: caches of their own (V8 accepts a cache only under the flags it was made with).
      const { RELAUNCHED, V8_FLAGS } = await import(`../dist/batch/v8-settings.js?${Date.now()}`);
      train(V8_FLAGS, two("batch"), {
        [RELAUNCHED]: "1",
        JIXIAO_WRITE_CODE_CACHE: "1",
        JIXIAO_WRITE_WORKER_CODE_CACHE: "1",
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
