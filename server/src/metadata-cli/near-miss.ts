import { ALIAS_OF, CANONICAL_KEYS } from './shape-keys';

/** Case and `_`/`-` do not make a different key for a human; they do for Auth0. */
const normalise = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

/** Levenshtein distance, stopping early once it is sure to exceed `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const TARGETS: readonly (readonly [string, string])[] = [
  ...[...CANONICAL_KEYS].map((key) => [key, key] as const),
  ...[...ALIAS_OF].map(([alias, key]) => [alias, key] as const),
];

/**
 * The canonical key an undeclared user_metadata key probably meant: equal to a canonical key or
 * alias ignoring case, `_` and `-`, or within edit distance 2 of one. Undefined for unrelated keys.
 */
export function nearMissOf(key: string): string | undefined {
  const wanted = normalise(key);
  for (const [target, canonical] of TARGETS) {
    if (editDistance(key, target, 2) <= 2 || editDistance(wanted, normalise(target), 2) <= 2) return canonical;
  }
  return undefined;
}
