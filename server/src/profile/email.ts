import { checkField, PROFILE_SHAPE } from 'profile-shape';
import { ProfileInputError } from './profile.errors';

/** A requested email, trimmed and lower-cased; throws ProfileInputError('email') when it breaks the shared email rule. */
export function normalizeEmail(value: string | null): string {
  const check = checkField(PROFILE_SHAPE.email, value);
  if (!check.ok) throw new ProfileInputError('email', check.message, check.rule);
  // A required field never checks out as null.
  return check.value ?? '';
}

export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
