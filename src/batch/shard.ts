// --shard i/n: a deterministic split of the inputs by a hash of each path as given, so that n
// machines given the same input arguments each parse a disjoint 1/n, whatever order they walk in.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based, as in jest and playwright: --shard 1/4 … --shard 4/4. */
  index: number;
  count: number;
}

/** "2/8" → { index: 2, count: 8 }; throws a readable message on anything else. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new Error(`expected i/n with 1 ≤ i ≤ n, e.g. 1/4 (got "${text}")`);
  return { index, count };
}

/** Which shard (1-based) a path falls in: the first 48 bits of sha1(path) mod n. */
export function shardOf(path: string, count: number): number {
  const digest = createHash('sha1').update(path).digest();
  return (digest.readUIntBE(0, 6) % count) + 1;
}

export function inShard(path: string, shard: Shard | undefined): boolean {
  return !shard || shard.count === 1 || shardOf(path, shard.count) === shard.index;
}
