import { ProfileInputError } from './profile.errors';

/**
 * The ONE typed user_metadata shape. It lists the keys the API owns; everything else stored in
 * user_metadata (e.g. a misspelt `firstNAme`) is never read and never written. Adding a profile
 * field means adding one line here: the GraphQL output and input fields, reading, validation and
 * patch building all follow from this table.
 */
export const profileMetadataShape = {
  firstName: { description: 'Given name, stored in user_metadata.firstName.', maxLength: 150 },
  lastName: { description: 'Family name, stored in user_metadata.lastName.', maxLength: 150 },
} as const satisfies Record<string, { description: string; maxLength: number }>;

export type ProfileMetadataKey = keyof typeof profileMetadataShape;
export const profileMetadataKeys = Object.keys(profileMetadataShape) as ProfileMetadataKey[];

/** The values as read: a key that is absent or not a string reads as null. */
export type ProfileMetadata = Record<ProfileMetadataKey, string | null>;
/** What a caller asks for: undefined = leave alone, null or "" = clear. */
export type ProfileMetadataChanges = Partial<Record<ProfileMetadataKey, string | null | undefined>>;
/** What goes into PATCH user_metadata: only changed keys; null deletes the key in Auth0. */
export type ProfileMetadataPatch = Partial<Record<ProfileMetadataKey, string | null>>;

// Unicode category Cc (C0, DEL, C1) plus the line and paragraph separators.
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

// A lone UTF-16 surrogate (category Cs) is not text: Auth0 would store it as U+FFFD.
const LONE_SURROGATE = /\p{Cs}/u;

export function readProfileMetadata(stored: Record<string, unknown>): ProfileMetadata {
  const read = {} as ProfileMetadata;
  for (const key of profileMetadataKeys) {
    const value = stored[key];
    read[key] = typeof value === 'string' ? value : null;
  }
  return read;
}

/** Trimmed value, null for "clear"; throws ProfileInputError naming the field when the value breaks a rule. */
function normalizeValue(key: ProfileMetadataKey, value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const { maxLength } = profileMetadataShape[key];
  if ([...trimmed].length > maxLength) throw new ProfileInputError(key, `${key} must be at most ${maxLength} characters`);
  if (hasControlCharacters(trimmed)) throw new ProfileInputError(key, `${key} must not contain control characters`);
  if (LONE_SURROGATE.test(trimmed)) throw new ProfileInputError(key, `${key} must be valid Unicode text`);
  return trimmed;
}

/** Validates the requested changes and returns them normalized (keys left undefined are dropped). */
export function normalizeProfileMetadataChanges(changes: ProfileMetadataChanges): ProfileMetadataPatch {
  const normalized: ProfileMetadataPatch = {};
  for (const key of profileMetadataKeys) {
    const value = changes[key];
    if (value !== undefined) normalized[key] = normalizeValue(key, value);
  }
  return normalized;
}

/** The keys whose value differs from what is stored; null when nothing changes. */
export function buildProfileMetadataPatch(current: ProfileMetadata, wanted: ProfileMetadataPatch): ProfileMetadataPatch | null {
  const patch: ProfileMetadataPatch = {};
  for (const key of profileMetadataKeys) {
    const value = wanted[key];
    if (value !== undefined && value !== current[key]) patch[key] = value;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}
