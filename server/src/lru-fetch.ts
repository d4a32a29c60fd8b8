/**
 * Two facts about lru-cache that its users here rely on, kept in one place: its `fetch()` stores
 * whatever the fetchMethod returns (a fetchMethod throws NotKept to answer every waiting caller
 * without storing), and it serves an entry while its age is <= ttl.
 */

/** Thrown by a fetchMethod: every caller of this fetch gets `value`, the cache keeps nothing. */
export class NotKept<V> extends Error {
  constructor(readonly value: V) {
    super('answered without being cached');
  }
}

/** The answer of an lru-cache `fetch()` whose fetchMethod always answers a value or throws. */
export async function answerOf<V>(fetched: Promise<V | undefined>): Promise<V> {
  let value: V | undefined;
  try {
    value = await fetched;
  } catch (error) {
    if (error instanceof NotKept) return error.value as V;
    throw error;
  }
  if (value === undefined) throw new Error('lru-cache fetch() answered nothing');
  return value;
}

/**
 * The lru-cache ttl for "fresh while younger than `ms`" on a whole-millisecond clock; 0 when
 * that is too short to keep anything (lru-cache reads a ttl of 0 as "never expires").
 */
export function lruTtl(ms: number): number {
  return Math.max(0, Math.ceil(ms) - 1);
}
