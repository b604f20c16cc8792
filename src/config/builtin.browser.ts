import defaults from "../../config/default.yaml";
import central2021 from "../../config/presets/central-2021.yaml";
import rules from "../../config/rules.yaml";
import type { BuiltinFile } from "./builtin.js";

/** The browser side of builtin.ts: the shipped configuration files, inlined as text by the web bundle. */
const FILES = {
  "default.yaml": defaults,
  "rules.yaml": rules,
  "presets/central-2021.yaml": central2021,
} satisfies Record<BuiltinFile, string>;

/** The text of a shipped configuration file. */
export function builtinText(file: BuiltinFile): string {
  return FILES[file];
}
