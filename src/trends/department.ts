import type { Department } from "../model/schema.js";
import { foldName } from "../text.js";

/** A label before the department's name in the same text: `填报单位（盖章）：`, `单位名称:`, `部门（单位）名称：`. */
const LABEL = /^[^:：]{0,12}(?:单位|部门|名称)[^:：]{0,6}[:：]\s*/u;

/** A budget code written before the name (`304001某某局本级`, `304001 某某局本级`). */
const LEADING_CODE = /^\d{3,}\s*/u;

/** A stamp note after the name: `某某局（盖章）`. */
const STAMP = /[(（]\s*(?:盖章|公章|章)\s*[)）]$/u;

/**
 * The name a department is matched by across documents: the label, the leading budget code and a stamp note
 * removed, then width, punctuation, spaces and case folded, so `304001某某局本级`, `某某局本级` and
 * `填报单位（盖章）：某某局 本级` all give `某某局本级`. `本级` stays: a department proper is not its whole system.
 */
export function departmentKey(department: Pick<Department, "name">): string {
  const name = department.name.normalize("NFKC").trim().replace(LABEL, "").replace(LEADING_CODE, "").replace(STAMP, "");
  return foldName(name);
}

/** The department as written, code first: how a reader recognises it. */
export function departmentLabel(department: Department): string {
  return `${department.code ?? ""}${department.name}`;
}
