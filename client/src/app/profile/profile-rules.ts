// The API's validation rules, mirrored so the form can explain them before a round trip.
// The server stays the authority: anything it still rejects comes back as BAD_USER_INPUT.

export const NAME_MAX_LENGTH = 150;
export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_LOCAL_MAX_LENGTH = 64;

/** The free-text name fields (user_metadata on the server); a new one is one more entry here. */
export const NAME_FIELDS = ['firstName', 'lastName'] as const;
export type NameField = (typeof NAME_FIELDS)[number];
export type ProfileField = NameField | 'email';
export const PROFILE_FIELDS: readonly ProfileField[] = [...NAME_FIELDS, 'email'];

export type RuleProblem =
  | 'tooLong'
  | 'controlCharacters'
  | 'emailRequired'
  | 'emailShape'
  | 'emailTooLong'
  | 'emailLocalTooLong';

// C0 and C1 control characters plus DEL (tabs and new lines included: names are one line).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
// One @, something before it, a dotted domain after it, no spaces.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** A name may be empty (that clears it); otherwise trimmed 1–150 chars without control characters. */
export function nameProblem(value: string): RuleProblem | null {
  if (CONTROL_CHARACTERS.test(value)) return 'controlCharacters';
  if (value.trim().length > NAME_MAX_LENGTH) return 'tooLong';
  return null;
}

export function emailProblem(value: string): RuleProblem | null {
  const email = value.trim();
  if (email === '') return 'emailRequired';
  if (email.length > EMAIL_MAX_LENGTH) return 'emailTooLong';
  if (!EMAIL_SHAPE.test(email)) return 'emailShape';
  if (email.slice(0, email.lastIndexOf('@')).length > EMAIL_LOCAL_MAX_LENGTH) return 'emailLocalTooLong';
  return null;
}

export const FIELD_LABELS: Record<ProfileField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
};

export function ruleMessage(field: ProfileField, problem: RuleProblem): string {
  const label = FIELD_LABELS[field];
  switch (problem) {
    case 'tooLong':
      return `${label} can be at most ${NAME_MAX_LENGTH} characters.`;
    case 'controlCharacters':
      return `${label} cannot contain tabs, line breaks or other control characters.`;
    case 'emailRequired':
      return 'Enter an email address.';
    case 'emailShape':
      return 'Enter an email address like name@example.com.';
    case 'emailTooLong':
      return `Email can be at most ${EMAIL_MAX_LENGTH} characters.`;
    case 'emailLocalTooLong':
      return `The part before the @ can be at most ${EMAIL_LOCAL_MAX_LENGTH} characters.`;
  }
}

/** A person-friendly name for the connection the user signs in with. */
export function connectionName(connection: string): string {
  if (connection === 'google-oauth2') return 'Google';
  if (connection === 'Username-Password-Authentication') return 'email and password';
  return connection;
}

/** The one-line reason shown under a read-only email. */
export function emailLockedReason(connection: string): string {
  const name = connectionName(connection);
  return name === 'email and password'
    ? 'Your email cannot be changed here.'
    : `Your email comes from your ${name} account and can only be changed there.`;
}
