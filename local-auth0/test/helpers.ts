import { startMailCatcher, type MailCatcher } from '../../server/test/support/mail-catcher';
import { startLocalAuth0, type LocalAuth0, type LocalAuth0Options } from '../src/index';
import { managementToken as requestManagementToken, readCounts, SEED_USERS } from '../src/testing';

export const ADA = SEED_USERS.ada.id;
export const GRACE = SEED_USERS.grace.id;
export const ALAN = SEED_USERS.alan.id;
export const API = 'https://profile-api.local';
export const SPA = 'http://localhost:4200';

export function startTenant(options: LocalAuth0Options = {}): Promise<LocalAuth0> {
  return startLocalAuth0({ port: 0, stateFile: null, ...options });
}

/** A tenant that mails to a real SMTP catcher; close() stops both. */
export async function startTenantWithMail(options: LocalAuth0Options = {}): Promise<{ tenant: LocalAuth0; catcher: MailCatcher; close(): Promise<void> }> {
  const catcher = await startMailCatcher();
  const tenant = await startTenant({ smtpUrl: catcher.url, ...options });
  return {
    tenant,
    catcher,
    async close() {
      await tenant.close();
      await catcher.close();
    },
  };
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export async function managementToken(tenant: LocalAuth0, scope?: string): Promise<string> {
  return (await requestManagementToken(tenant.url, scope)).accessToken;
}

export function counts(tenant: LocalAuth0): Promise<Record<string, number>> {
  return readCounts(tenant.url);
}

export const userPath = (tenant: LocalAuth0, id: string) => `${tenant.url}/api/v2/users/${encodeURIComponent(id)}`;
