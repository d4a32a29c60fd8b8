import { repairField } from './field-repair';
import { nearMissOf } from './near-miss';
import { ALIAS_OF, CANONICAL_KEYS, METADATA_FIELDS } from './shape-keys';
import type { UserRecord } from './walk-users';

export type KeyKind = 'alias' | 'near-miss' | 'unrelated';

export interface KeyCount {
  key: string;
  users: number;
  kind: KeyKind;
  /** The canonical key an alias stands for, or a near-miss probably meant. */
  field?: string;
}

export interface AuditResult {
  scanned: number;
  /** Every user_metadata key outside the shape's canonical keys, most frequent first. */
  keys: KeyCount[];
  /** Users holding a declared alias or a near-miss key (conflicts included). */
  driftedUsers: number;
  conflicts: { users: number; byField: Record<string, number>; userIds: string[] };
  drift: boolean;
}

/** How many user ids of conflicting users an audit lists. */
const LISTED_CONFLICTS = 20;

function classify(key: string): Omit<KeyCount, 'users'> {
  const aliasOf = ALIAS_OF.get(key);
  if (aliasOf) return { key, kind: 'alias', field: aliasOf };
  const near = nearMissOf(key);
  return near ? { key, kind: 'near-miss', field: near } : { key, kind: 'unrelated' };
}

/** Counts keys outside the shape, near-misses and conflicts over every user. */
export function audit(users: readonly UserRecord[]): AuditResult {
  const keyUsers = new Map<string, number>();
  const byField: Record<string, number> = {};
  const conflictIds: string[] = [];
  for (const user of users) {
    for (const key of Object.keys(user.user_metadata)) {
      if (!CANONICAL_KEYS.has(key)) keyUsers.set(key, (keyUsers.get(key) ?? 0) + 1);
    }
    const fields = METADATA_FIELDS.filter((field) => repairField(user.user_metadata, field).conflict);
    for (const field of fields) byField[field.key] = (byField[field.key] ?? 0) + 1;
    if (fields.length) conflictIds.push(user.user_id);
  }
  const keys = [...keyUsers].map(([key, count]) => ({ ...classify(key), users: count }));
  keys.sort((a, b) => b.users - a.users || a.key.localeCompare(b.key));
  const drifting = new Set(keys.filter((k) => k.kind !== 'unrelated').map((k) => k.key));
  const driftedUsers = users.filter((u) => Object.keys(u.user_metadata).some((key) => drifting.has(key))).length;
  return {
    scanned: users.length,
    keys,
    driftedUsers,
    conflicts: { users: conflictIds.length, byField, userIds: conflictIds.slice(0, LISTED_CONFLICTS) },
    drift: driftedUsers > 0,
  };
}
