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
import { chmodSync, existsSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const force = process.argv.includes("--force");
const TSBUILDINFO = "dist/.tsbuildinfo";
const BIN_DIR = "dist/bin";
const BIN = join(BIN_DIR, "jixiao.js");

/** The newest modification time of the files a build reads. */
function newestInput() {
  const files = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "scripts/build.mjs"];
  for (const name of readdirSync("src", { recursive: true })) files.push(join("src", String(name)));
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
  await build({
    entryPoints: { jixiao: "src/cli/main.ts", worker: "src/batch/worker.ts" },
    outdir: BIN_DIR,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Whitespace and syntax only: names stay, so a stack trace still reads (and the source maps map it back).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    external: ["piscina", "exceljs"],
    // Bundled CommonJS packages call require() for Node's modules, which an ES module does not have.
    banner: {
      js: 'import { createRequire as __jixiaoRequire } from "node:module"; const require = __jixiaoRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  chmodSync(BIN, 0o755);
}
