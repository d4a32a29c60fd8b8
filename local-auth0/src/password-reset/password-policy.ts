/**
 * Auth0's "good" password policy, the default of a new database connection: at least 8
 * characters from at least three of four groups (lower case, upper case, digits, special).
 * Auth0 stores bcrypt hashes, so it refuses passwords over 72 bytes.
 */
const MIN_LENGTH = 8;
const MAX_BYTES = 72;
const GROUPS = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

export const POLICY_TEXT = 'At least 8 characters, with at least 3 of: lower case letters (a-z), upper case letters (A-Z), numbers (0-9), special characters (e.g. !@#$%^&*).';

/** What is wrong with `password` under the connection's policy, or null when it passes. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_LENGTH) return `Password is too weak: use at least ${MIN_LENGTH} characters.`;
  if (Buffer.byteLength(password) > MAX_BYTES) return `Password is too long: at most ${MAX_BYTES} bytes.`;
  if (GROUPS.filter((group) => group.test(password)).length < 3) {
    return 'Password is too weak: use at least 3 of lower case letters, upper case letters, numbers and special characters.';
  }
  return null;
}
