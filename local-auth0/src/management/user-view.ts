import type { StoredUser } from '../state/types';
import { ManagementApiError } from '../http/errors';

export const invalidQuery = (detail: string) =>
  new ManagementApiError(400, `Query validation error: ${detail}`, 'invalid_query_string');

const VIEW_ORDER = [
  'created_at', 'email', 'email_verified', 'family_name', 'given_name', 'identities', 'name', 'nickname',
  'phone_number', 'phone_verified', 'picture', 'updated_at', 'user_id', 'username', 'user_metadata',
  'app_metadata', 'blocked', 'last_login', 'logins_count',
] as const;

function identity(user: StoredUser) {
  const [provider = 'auth0', id = ''] = user.user_id.split('|');
  return { connection: user.connection, user_id: id, provider, isSocial: provider !== 'auth0' };
}

export function isDatabaseUser(user: StoredUser): boolean {
  return identity(user).provider === 'auth0';
}

/** A user as the Management API shows it: no password hash, identities derived, unset fields absent. */
export function userView(user: StoredUser): Record<string, unknown> {
  const source: Record<string, unknown> = { ...user, identities: [identity(user)] };
  const view: Record<string, unknown> = {};
  for (const key of VIEW_ORDER) if (source[key] !== undefined) view[key] = structuredClone(source[key]);
  return view;
}

/** Applies `fields=a,b` with `include_fields=true|false` (true by default). */
export function selectFields(view: Record<string, unknown>, fields: unknown, includeFields: unknown): Record<string, unknown> {
  if (typeof fields !== 'string' || fields.trim() === '') return view;
  const names = new Set(fields.split(',').map((f) => f.trim()).filter(Boolean));
  if (includeFields !== undefined && includeFields !== 'true' && includeFields !== 'false') {
    throw invalidQuery(`'Expected type boolean but found type string' on property include_fields.`);
  }
  const include = includeFields !== 'false';
  return Object.fromEntries(Object.entries(view).filter(([key]) => names.has(key) === include));
}
