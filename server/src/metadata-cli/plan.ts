import { repairField, type Prefer } from './field-repair';
import { METADATA_FIELDS } from './shape-keys';
import type { UserRecord } from './walk-users';

export interface PlannedPatch {
  userId: string;
  /** The PATCH body's user_metadata: new canonical values, `null` for deleted aliases. */
  userMetadata: Record<string, unknown>;
}

export interface RepairPlan {
  patches: PlannedPatch[];
  /** Users with a conflict left alone (no `prefer`), and the fields in conflict. */
  conflicts: { userId: string; fields: string[] }[];
}

/** One PATCH per user whose canonical keys or declared aliases need a change; nothing else is sent. */
export function planRepair(users: readonly UserRecord[], prefer?: Prefer): RepairPlan {
  const plan: RepairPlan = { patches: [], conflicts: [] };
  for (const user of users) {
    const repairs = METADATA_FIELDS.map((field) => ({ field: field.key, ...repairField(user.user_metadata, field, prefer) }));
    const userMetadata = Object.assign({}, ...repairs.map((r) => r.changes)) as Record<string, unknown>;
    if (Object.keys(userMetadata).length) plan.patches.push({ userId: user.user_id, userMetadata });
    const conflicting = repairs.filter((r) => r.conflict && !prefer).map((r) => r.field);
    if (conflicting.length) plan.conflicts.push({ userId: user.user_id, fields: conflicting });
  }
  return plan;
}

/** True when `metadata` (read back after the PATCH) holds what the PATCH wrote. */
export function patchApplied(metadata: Readonly<Record<string, unknown>>, patch: PlannedPatch): boolean {
  return Object.entries(patch.userMetadata).every(([key, value]) =>
    value === null ? !(key in metadata) : JSON.stringify(metadata[key]) === JSON.stringify(value),
  );
}
