/**
 * Remembers a string function's results for short inputs (labels, names, units), which a document repeats
 * in every merged position and every pairing. The cache is emptied when it fills, so a worker that reads
 * thousands of documents keeps a bounded amount; longer texts are computed every time.
 */
export function memoiseShortText(
  fn: (text: string) => string,
  maxLength = 64,
  capacity = 8192,
): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    if (text.length > maxLength) return fn(text);
    let value = cache.get(text);
    if (value === undefined) {
      value = fn(text);
      if (cache.size >= capacity) cache.clear();
      cache.set(text, value);
    }
    return value;
  };
}
