import type { MetadataField } from './shape-keys';

export type Prefer = 'canonical' | 'alias';
type Metadata = Readonly<Record<string, unknown>>;

/** What one field of one user needs: key -> new value, or null to delete the key. */
export interface FieldRepair {
  changes: Record<string, unknown>;
  /** Canonical and aliases (or two aliases) hold different values; nothing changes without `prefer`. */
  conflict: boolean;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Moves the first declared alias holding a value to the canonical key when that is empty (as
 * `me` reads it), and deletes every alias present. When a remaining alias disagrees, the field is
 * a conflict: left alone, unless `prefer` says whether the canonical value or the alias wins.
 * Touches only the field's canonical key and its declared aliases.
 */
export function repairField(metadata: Metadata, field: MetadataField, prefer?: Prefer): FieldRepair {
  const present = field.aliases.filter((alias) => alias in metadata);
  if (present.length === 0) return { changes: {}, conflict: false };
  const valued = present.filter((alias) => !isEmpty(metadata[alias])).map((alias) => metadata[alias]);
  const canonical = metadata[field.key];
  const current = isEmpty(canonical) ? valued[0] : canonical;
  const conflict = valued.some((value) => !same(value, current));
  if (conflict && !prefer) return { changes: {}, conflict };
  const changes: Record<string, unknown> = Object.fromEntries(present.map((alias) => [alias, null]));
  const winner = prefer === 'alias' && valued.length > 0 ? valued[0] : current;
  if (!isEmpty(winner) && !same(winner, canonical)) changes[field.key] = winner;
  return { changes, conflict };
}
