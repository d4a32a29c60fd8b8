import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { SessionRecord, StoredUser } from '../state/types';
import type { Tenant } from '../tenant';

const SESSION_COOKIE = 'local_auth0_session';
/** Auth0's default absolute session lifetime. */
const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;

const expired = (record: SessionRecord) => Date.parse(record.createdAt) < Date.now() - SESSION_LIFETIME_MS;

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export interface ActiveSession { id: string; record: SessionRecord; user: StoredUser }

/** The signed-in user of this browser, if the session cookie names a live session. */
export function currentSession(tenant: Tenant, req: Request): ActiveSession | undefined {
  const id = cookieValue(req, SESSION_COOKIE);
  const record = id ? tenant.state.sessions[id] : undefined;
  const user = record ? tenant.user(record.userId) : undefined;
  return id && record && user && !user.blocked && !expired(record) ? { id, record, user } : undefined;
}

/**
 * As Auth0 sets its session cookie: SameSite=None so that the SDK's hidden /authorize iframe
 * carries it when the app embeds the tenant, which only works while the two are one site or
 * the browser allows third-party cookies. SameSite=None needs Secure; Chromium stores and
 * sends Secure cookies over plain http on localhost and 127.0.0.1 (trustworthy origins).
 * Clearing must repeat the attributes, or the browser refuses the overwrite.
 */
const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'none', secure: true, path: '/' } as const;

/** Starts a session and sets its cookie. */
export function startSession(tenant: Tenant, res: Response, user: StoredUser): ActiveSession {
  for (const [old, session] of Object.entries(tenant.state.sessions)) if (expired(session)) delete tenant.state.sessions[old];
  const id = randomBytes(24).toString('base64url');
  const record: SessionRecord = { userId: user.user_id, createdAt: new Date().toISOString(), authTime: Math.floor(Date.now() / 1000) };
  tenant.state.sessions[id] = record;
  tenant.store.save();
  res.cookie(SESSION_COOKIE, id, { ...COOKIE_OPTIONS, maxAge: SESSION_LIFETIME_MS });
  return { id, record, user };
}

export function endSession(tenant: Tenant, req: Request, res: Response): void {
  const id = cookieValue(req, SESSION_COOKIE);
  if (id && tenant.state.sessions[id]) {
    delete tenant.state.sessions[id];
    tenant.store.save();
  }
  res.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
}
