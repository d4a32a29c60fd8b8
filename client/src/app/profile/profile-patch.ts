import type { ProfileFieldsFragment, UpdateProfileInput } from '../graphql/generated';
import { NAME_FIELDS, type ProfileField } from './profile-rules';

/** What the form edits: plain strings, '' standing for "no value". */
export type ProfileFormValue = Record<ProfileField, string>;

export function formValueOf(profile: ProfileFieldsFragment): ProfileFormValue {
  const value = { email: profile.email } as ProfileFormValue;
  for (const field of NAME_FIELDS) value[field] = profile[field] ?? '';
  return value;
}

function nameChange(saved: string | null, edited: string): string | null | undefined {
  const next = edited.trim() === '' ? null : edited.trim();
  return next === (saved ?? null) ? undefined : next;
}

/**
 * The mutation input: only the fields that really changed (trimmed; an emptied name is sent
 * as null, which clears it). Email is compared case-insensitively, as the API does, and is
 * never sent for users whose email cannot change.
 */
export function buildPatch(profile: ProfileFieldsFragment, value: ProfileFormValue): UpdateProfileInput {
  const patch: UpdateProfileInput = {};
  for (const field of NAME_FIELDS) {
    const change = nameChange(profile[field], value[field]);
    if (change !== undefined) patch[field] = change;
  }
  const email = value.email.trim();
  if (profile.canChangeEmail && email.toLowerCase() !== profile.email.toLowerCase()) {
    patch.email = email;
  }
  return patch;
}

export function isEmptyPatch(patch: UpdateProfileInput): boolean {
  return Object.keys(patch).length === 0;
}
