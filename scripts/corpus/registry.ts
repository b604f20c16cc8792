/**
 * Every corpus fixture and how it is written. The file name is `<name>.docx`, or `<name>.doc` for the
 * `libreoffice-doc` writer; its answer key is test/corpus/<name>.key.json.
 */
import * as luannan from "./docx/hebei-luannan-education-2024.js";

/** How one corpus fixture is written. */
export type CorpusWriter =
  | { readonly kind: "docx"; readonly build: () => Promise<Buffer> }
  | { readonly kind: "libreoffice"; readonly html: () => string }
  | { readonly kind: "libreoffice-doc"; readonly html: () => string };

/** The corpus, in the order fixtures/README.md lists it. */
export const CORPUS: Readonly<Record<string, CorpusWriter>> = {
  "hebei-luannan-education-2024": { kind: "docx", build: luannan.build },
};
