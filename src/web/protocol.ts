import type { TrendRow } from "../batch/rows.js";
import type { JixiaoDocument } from "../model/schema.js";

/** A user's YAML file, as chosen in the page. */
export interface SettingsFile {
  readonly name: string;
  readonly text: string;
}

/** Messages from the page to a worker. */
export type ToWorker =
  /** The label configuration and rule file in force (null: the built-in ones); answered with `settings`. */
  | { readonly type: "settings"; readonly config: SettingsFile | null; readonly rules: SettingsFile | null }
  /** Read and check one document; answered with `document`. */
  | { readonly type: "document"; readonly id: number; readonly name: string; readonly bytes: ArrayBuffer }
  /** Compare the documents year over year (trends.json, trends.html, the 历年对比 sheet); answered with `trends`. */
  | { readonly type: "trends"; readonly docs: readonly JixiaoDocument[] }
  /** Make the annotated copy of one document; answered with `annotated`. */
  | { readonly type: "annotate"; readonly id: number; readonly name: string; readonly bytes: ArrayBuffer };

/** Messages from a worker to the page. */
export type FromWorker =
  | { readonly type: "settings"; readonly error: string | null }
  | {
      readonly type: "document";
      readonly id: number;
      readonly doc: JixiaoDocument;
      /** The files the CLI writes for it: the JSON, the HTML report and the Markdown report. */
      readonly json: string;
      readonly html: string;
      readonly markdown: string;
      /** Milliseconds spent on it in the worker. */
      readonly ms: number;
    }
  | {
      readonly type: "trends";
      /** Null when no department has two or more years in the batch (the CLI then writes no trends files). */
      readonly trends: { readonly json: string; readonly html: string; readonly rows: TrendRow[] } | null;
    }
  | {
      readonly type: "annotated";
      readonly id: number;
      readonly docx: Uint8Array | null;
      /** Why there is no copy, or what could not be placed (Chinese). */
      readonly message: string | null;
    };

/** Every message travels with a number its reply carries back, so replies may come in any order. */
export interface Envelope<T> {
  readonly seq: number;
  readonly body: T;
}
