import type { ProfileFieldsFragment, UpdateProfileInput } from '../graphql/generated';

/** What the form edits: plain strings, '' standing for "no value". */
export interface ProfileFormValue {
  firstName: string;
  lastName: string;
  email: string;
}

export function formValueOf(profile: ProfileFieldsFragment): ProfileFormValue {
  return {
    firstName: profile.firstName ?? '',
    lastName: profile.lastName ?? '',
    email: profile.email,
  };
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
  const firstName = nameChange(profile.firstName, value.firstName);
  const lastName = nameChange(profile.lastName, value.lastName);
  if (firstName !== undefined) patch.firstName = firstName;
  if (lastName !== undefined) patch.lastName = lastName;
  const email = value.email.trim();
  if (profile.canChangeEmail && email.toLowerCase() !== profile.email.toLowerCase()) {
    patch.email = email;
  }
  return patch;
}

export function isEmptyPatch(patch: UpdateProfileInput): boolean {
  return Object.keys(patch).length === 0;
}
