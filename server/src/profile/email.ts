import { hasControlCharacters } from './profile-metadata';
import { ProfileInputError } from './profile.errors';

const MAX_LENGTH = 254;
const MAX_LOCAL_PART = 64;
// One @, a non-empty local part, a dotted domain of letters, digits and hyphens.
const SHAPE = /^[^\s@]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** A requested email, trimmed and lower-cased; throws ProfileInputError('email') when it is not a usable address. */
export function normalizeEmail(value: string | null): string {
  if (value === null || value.trim() === '') throw new ProfileInputError('email', 'email cannot be removed');
  const email = value.trim().toLowerCase();
  if (email.length > MAX_LENGTH) throw new ProfileInputError('email', `email must be at most ${MAX_LENGTH} characters`);
  if (hasControlCharacters(email) || !SHAPE.test(email)) throw new ProfileInputError('email', 'email is not a valid address');
  const localPart = email.slice(0, email.lastIndexOf('@'));
  if (localPart.length > MAX_LOCAL_PART) {
    throw new ProfileInputError('email', `the part before @ must be at most ${MAX_LOCAL_PART} characters`);
  }
  return email;
}

export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
