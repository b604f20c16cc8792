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
      readonly type: "annotated";
      readonly id: number;
      readonly docx: Uint8Array | null;
      /** Why there is no copy, or what could not be placed (Chinese). */
      readonly message: string | null;
    };
