/** Folds runs of ASCII, full-width and non-breaking spaces into one space and trims. */
export function foldSpaces(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, " ").trim();
}

/**
 * Removes every space, for comparing labels: Word writers pad labels to justify them
 * (the reference writes `其中：财政    资金`).
 */
export function compactLabel(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "");
}
