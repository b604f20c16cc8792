import { createHash } from "node:crypto";
import { assessCompleteness } from "./completeness.js";
import { type JixiaoDocument, SCHEMA_VERSION } from "./model/schema.js";
import type { InputFormat } from "./read/format.js";

/** What the pipeline knows of the input besides its HTML. */
export interface SourceInfo {
  readonly path: string;
  readonly sha256: string;
  readonly format: InputFormat | null;
}

/** The sha256 of the input bytes, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The record of an input that produced no data: every input ends as a result or as one of these. */
export function errorDocument(source: SourceInfo, code: string, message: string): JixiaoDocument {
  const error = { code, message };
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { ...source },
    sheets: null,
    department: null,
    moneyUnit: null,
    warnings: [],
    projects: [],
    narrative: null,
    links: [],
    findings: [],
    completeness: assessCompleteness({ projects: [], narrative: null, warnings: [], error }),
    error,
  };
}
