import { createHash } from "node:crypto";

/** Part `index` (1-based) of `count` equal parts of a batch. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); null when malformed. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : null;
}

/**
 * Whether a document belongs to a shard: decided by a hash of its source name alone, so every machine
 * given the same folder splits it the same way whatever the order or number of files.
 */
export function inShard(source: string, shard: Shard): boolean {
  const hash = createHash("sha256").update(source).digest().readUInt32BE(0);
  return hash % shard.count === shard.index - 1;
}
