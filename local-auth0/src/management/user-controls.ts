import { Router } from 'express';
import { ManagementApiError } from '../http/errors';
import { hashPassword } from '../passwords';
import type { StoredUser } from '../state/types';
import type { Tenant } from '../tenant';
import { userView } from './user-view';

/** What a test may give for each added user; everything else gets a database user's defaults. */
export interface AddedUser {
  user_id: string;
  email: string;
  connection?: string;
  /** A database user with a password can sign in (the login page, the password grant). */
  password?: string;
  user_metadata?: Record<string, unknown>;
  app_metadata?: Record<string, unknown>;
}

const badRequest = (message: string) => new ManagementApiError(400, message, 'invalid_body');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toStoredUser(value: unknown, index: number, now: string): StoredUser {
  if (!isObject(value) || typeof value.user_id !== 'string' || typeof value.email !== 'string') {
    throw badRequest(`users[${index}] needs a string "user_id" and "email"`);
  }
  const metadata = (key: string) => {
    const v = value[key] ?? {};
    if (!isObject(v)) throw badRequest(`users[${index}].${key} must be an object`);
    return structuredClone(v);
  };
  return {
    user_id: value.user_id,
    email: value.email,
    email_verified: true,
    connection: typeof value.connection === 'string' ? value.connection : 'Username-Password-Authentication',
    user_metadata: metadata('user_metadata'),
    app_metadata: metadata('app_metadata'),
    created_at: now,
    updated_at: now,
    logins_count: 0,
  };
}

const MAX_PASSWORD_LENGTH = 72;

/** Hashes the passwords given (scrypt); a user without one cannot sign in. */
async function withPasswords(users: StoredUser[], list: unknown[]): Promise<void> {
  for (const [index, user] of users.entries()) {
    const password = (list[index] as Record<string, unknown>).password;
    if (password === undefined) continue;
    if (typeof password !== 'string' || password === '' || password.length > MAX_PASSWORD_LENGTH || !user.user_id.startsWith('auth0|')) {
      throw badRequest(`users[${index}].password must be a string of 1 to ${MAX_PASSWORD_LENGTH} characters, for an auth0| user`);
    }
    user.password_hash = await hashPassword(password);
  }
}

/**
 * `/__local/users`: tests add users (POST `{users: [...]}`, appended; a database user may be given
 * a password to sign in with) and read every user back (GET), past the 1,000-record paging limit.
 */
export function userControlsRouter(tenant: Tenant): Router {
  const router = Router();
  router.post('/users', async (req, res) => {
    const list: unknown = isObject(req.body) ? req.body.users : undefined;
    if (!Array.isArray(list)) throw badRequest('"users" must be an array');
    const now = tenant.nextTimestamp();
    const added = list.map((value, index) => toStoredUser(value, index, now));
    await withPasswords(added, list);
    const ids = new Set(tenant.state.users.map((u) => u.user_id));
    const emails = new Set(tenant.state.users.map((u) => u.email.toLowerCase()));
    for (const user of added) {
      if (ids.has(user.user_id) || emails.has(user.email.toLowerCase())) throw new ManagementApiError(409, `The user ${user.user_id} already exists`, 'user_exists');
      ids.add(user.user_id);
      emails.add(user.email.toLowerCase());
    }
    tenant.state.users.push(...added);
    tenant.store.save();
    res.status(201).json({ added: added.length, total: tenant.state.users.length });
  });
  router.get('/users', (_req, res) => {
    res.json(tenant.state.users.map(userView));
  });
  return router;
}
