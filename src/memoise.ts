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

/**
 * A cache of results by text, one per owner object (an alias table, a configuration), bounded like
 * {@link memoiseShortText}: each owner's cache is emptied when it fills. `compute` runs on a miss; a null or
 * undefined result is remembered like any other.
 */
export function textCachePerOwner<O extends object, V>(
  capacity = 8192,
): (owner: O, text: string, compute: () => V) => V {
  const caches = new WeakMap<O, Map<string, V>>();
  return (owner, text, compute) => {
    let cache = caches.get(owner);
    if (!cache) {
      cache = new Map();
      caches.set(owner, cache);
    }
    if (cache.has(text)) return cache.get(text) as V;
    const value = compute();
    if (cache.size >= capacity) cache.clear();
    cache.set(text, value);
    return value;
  };
}
