import {
  checkField,
  findStoredValue,
  METADATA_FIELD_KEYS,
  PROFILE_SHAPE,
  type FieldRule,
  type MetadataFieldKey,
} from 'profile-shape';
import { ProfileInputError } from './profile.errors';

/**
 * The user_metadata side of the profile shape (declared once, in the profile-shape package):
 * reading with legacy aliases, validating changes, and building the PATCH. Keys outside the
 * shape (neither canonical nor a declared alias) are never read and never written.
 */

/** The values as read: null when no valid value is stored. */
export type ProfileMetadata = Record<MetadataFieldKey, string | null>;
/** What a caller asks for: undefined = leave alone, null or "" = clear. */
export type ProfileMetadataChanges = Partial<Record<MetadataFieldKey, string | null | undefined>>;
/** Validated changes: trimmed value, or null to clear. */
export type ProfileMetadataValues = Partial<Record<MetadataFieldKey, string | null>>;
/** What goes into PATCH user_metadata: canonical keys and declared aliases; null deletes a key. */
export type ProfileMetadataPatch = Record<string, string | null>;

/** A stored value the write path would refuse; logged without the value itself. */
export interface DroppedValue {
  field: MetadataFieldKey;
  key: string;
  rule: FieldRule;
  length: number;
}

/**
 * Reads each field (canonical key, else its first alias with a value). A stored value that breaks
 * the rules (written outside the API) is dropped, never shown: cleaning it would show the user a
 * value nobody typed. Each drop is reported to `onDropped`.
 */
export function readProfileMetadata(stored: Record<string, unknown>, onDropped?: (dropped: DroppedValue) => void): ProfileMetadata {
  const read = {} as ProfileMetadata;
  for (const field of METADATA_FIELD_KEYS) {
    const found = findStoredValue(stored, field);
    const check = found ? checkField(PROFILE_SHAPE[field], found.value) : null;
    read[field] = check?.ok ? check.value : null;
    if (found && check && !check.ok) onDropped?.({ field, key: found.key, rule: check.rule, length: found.value.length });
  }
  return read;
}

/** Validates the requested changes and returns them normalized (keys left undefined are dropped). */
export function normalizeProfileMetadataChanges(changes: ProfileMetadataChanges): ProfileMetadataValues {
  const normalized: ProfileMetadataValues = {};
  for (const field of METADATA_FIELD_KEYS) {
    const value = changes[field];
    if (value === undefined) continue;
    const check = checkField(PROFILE_SHAPE[field], value);
    if (!check.ok) throw new ProfileInputError(field, check.message, check.rule);
    normalized[field] = check.value;
  }
  return normalized;
}

/** What is stored, or `UNKNOWN`: a PATCH for an unknown state writes every canonical key asked for and deletes every declared alias of it. */
export const UNKNOWN = null;
type StoredMetadata = Record<string, unknown> | typeof UNKNOWN;

/** Whether writing `value` (null = delete) to the canonical key may change what is stored. */
function changesCanonical(stored: StoredMetadata, field: MetadataFieldKey, value: string | null): boolean {
  if (stored === UNKNOWN) return true;
  return value === null ? Object.hasOwn(stored, field) : stored[field] !== value;
}

/**
 * The PATCH for `wanted` on top of `stored`, or null when nothing changes. Only the fields the
 * caller asked for are touched: each is written to its canonical key (null deletes it) and every
 * declared alias of it present is deleted in the same PATCH. A field the caller did not ask for
 * is never written, not even to move a value shown from an alias: two concurrent updates of
 * different fields then touch different keys, so neither can undo the other (Auth0 merges
 * user_metadata at the first level). `npm run metadata -- repair` moves the other aliases.
 * With `stored` UNKNOWN (a PATCH sent without a fresh read) the PATCH holds every key a stored
 * state could need: `null` on an absent alias changes nothing, so no copy can make it wrong.
 */
export function buildProfileMetadataPatch(stored: StoredMetadata, wanted: ProfileMetadataValues): ProfileMetadataPatch | null {
  const patch: ProfileMetadataPatch = {};
  for (const field of METADATA_FIELD_KEYS) {
    const value = wanted[field];
    if (value === undefined) continue;
    if (changesCanonical(stored, field, value)) patch[field] = value;
    for (const alias of PROFILE_SHAPE[field].aliases) {
      if (stored === UNKNOWN || Object.hasOwn(stored, alias)) patch[alias] = null;
    }
  }
  return Object.keys(patch).length > 0 ? patch : null;
}
