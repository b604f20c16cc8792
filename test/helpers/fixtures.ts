import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractFile } from "../../src/api.js";
import type { JixiaoDocument } from "../../src/model/schema.js";

export const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** The three writers' versions of the reference document. */
export const REFERENCE_FIXTURES = [
  "yutian-commerce-2025.docx",
  "yutian-commerce-2025.libreoffice.docx",
  "yutian-commerce-2025.doc",
] as const;

/** The reference saved in every other Word-processing container (scripts/containers/make-fixtures.sh). */
export const CONTAINER_FIXTURES = [
  "containers/yutian-commerce-2025.docm",
  "containers/yutian-commerce-2025.dotx",
  "containers/yutian-commerce-2025.dot",
  "containers/yutian-commerce-2025.odt",
  "containers/yutian-commerce-2025.rtf",
  "containers/yutian-commerce-2025.wps",
  "containers/yutian-commerce-2025.wpt",
] as const;

/** Whether LibreOffice is installed (needed for .doc); CI installs it, so there it is required. */
export function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Read directly; every other container goes through LibreOffice. */
const NATIVE = /\.(?:docx|docm|dotx|dotm|xlsx|xlsm)$/i;

/** Skip LibreOffice-converted fixtures only on a developer machine without it; in CI a missing soffice must fail. */
export function canRead(fixture: string): boolean {
  return NATIVE.test(fixture) || process.env.CI !== undefined || hasSoffice();
}

const cache = new Map<string, Promise<JixiaoDocument>>();

/** Extracts a fixture once per test file. */
export function extractFixture(fixture: string): Promise<JixiaoDocument> {
  let result = cache.get(fixture);
  if (!result) {
    result = extractFile(`${FIXTURES}${fixture}`);
    cache.set(fixture, result);
  }
  return result;
}

/** An answer key from test/golden. */
export function golden<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../golden/${name}`, import.meta.url), "utf8")) as T;
}
