/**
 * Summarises a V8 CPU profile (`node --cpu-prof` writes them): where the samples fall, by function and by
 * file or package, as self time and as inclusive time (a function's own samples plus its callees').
 *
 *   npx tsx bench/cpuprofile-summary.ts CPU.….cpuprofile [--top 30]
 *
 * Node's own tools only; see docs/performance.md for the profiles it was used on.
 */
import { readFile } from "node:fs/promises";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** `parse dist/grid/parse.js:12`, with node_modules paths shortened to the package's. */
function functionKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(dist|src|bench|test)\//, "$1/");
  return `${functionName || "(anonymous)"}${where ? ` ${where}:${lineNumber + 1}` : ""}`;
}

/** The package (for node_modules), the file (ours), or the pseudo-frame ((garbage collector), (idle), …). */
function fileKey(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (!url) return functionName || "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `package ${pkg[1]}`;
  return url.replace(/^file:\/\/.*?\/(dist|src|bench|test)\//, "$1/");
}

export function summarise(profile: Profile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...time.values()].reduce((a, b) => a + b, 0);
  const tables = {
    selfFunction: new Map<string, number>(),
    selfFile: new Map<string, number>(),
    inclusiveFunction: new Map<string, number>(),
    inclusiveFile: new Map<string, number>(),
  };
  const add = (map: Map<string, number>, key: string, t: number): void => void map.set(key, (map.get(key) ?? 0) + t);
  for (const [id, t] of time) {
    const node = byId.get(id)!;
    add(tables.selfFunction, functionKey(node), t);
    add(tables.selfFile, fileKey(node), t);
    // Each function or file counted once per sample, however deep its recursion.
    const functions = new Set<string>();
    const files = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at)!;
      functions.add(functionKey(n));
      files.add(fileKey(n));
    }
    for (const f of functions) add(tables.inclusiveFunction, f, t);
    for (const f of files) add(tables.inclusiveFile, f, t);
  }
  const show = (title: string, map: Map<string, number>): string =>
    [
      `${title}`,
      ...[...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([key, t]) => `${((100 * t) / total).toFixed(1).padStart(6)}%  ${key}`),
    ].join("\n");
  return [
    `${(total / 1000).toFixed(0)} ms sampled`,
    show("Self time by function", tables.selfFunction),
    show("Self time by file or package", tables.selfFile),
    show("Inclusive time by file or package", tables.inclusiveFile),
    show("Inclusive time by function", tables.inclusiveFunction),
  ].join("\n\n");
}

const [path, ...rest] = process.argv.slice(2);
if (!path) {
  process.stderr.write("usage: tsx bench/cpuprofile-summary.ts <file.cpuprofile> [--top N]\n");
  process.exitCode = 2;
} else {
  const topAt = rest.indexOf("--top");
  const top = topAt >= 0 ? Number(rest[topAt + 1]) : 30;
  process.stdout.write(`${summarise(JSON.parse(await readFile(path, "utf8")) as Profile, top)}\n`);
}
