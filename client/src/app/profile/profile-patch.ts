import type { ProfileFieldsFragment, UpdateProfileInput } from '../graphql/generated';
import type { FormShape } from './profile-shape.token';

/** What the form edits: plain strings per field key, '' standing for "no value". */
export type ProfileFormValue = Readonly<Record<string, string>>;
/** The profile as read, seen by field key (the generated fragment holds every field the shape has). */
type SavedProfile = ProfileFieldsFragment & { readonly [key: string]: unknown };

function savedText(profile: SavedProfile, key: string): string | null {
  const value = profile[key];
  return typeof value === 'string' ? value : null;
}

export function formValueOf(shape: FormShape, profile: ProfileFieldsFragment): Record<string, string> {
  return Object.fromEntries(Object.keys(shape).map((key) => [key, savedText(profile, key) ?? '']));
}

/** The change to send for one field, or undefined when it did not change. */
function fieldChange(saved: string | null, edited: string): string | null | undefined {
  const trimmed = edited.trim();
  const next = trimmed === '' ? null : trimmed;
  return next === saved ? undefined : next;
}

/**
 * The mutation input: only the fields that really changed (trimmed; an emptied optional field is
 * sent as null, which clears it).
 */
export function buildPatch(shape: FormShape, profile: ProfileFieldsFragment, value: ProfileFormValue): UpdateProfileInput {
  const patch: Record<string, string | null> = {};
  for (const key of Object.keys(shape)) {
    const change = fieldChange(savedText(profile, key), value[key] ?? '');
    if (change !== undefined) patch[key] = change;
  }
  return patch;
}

export function isEmptyPatch(patch: UpdateProfileInput): boolean {
  return Object.keys(patch).length === 0;
}
