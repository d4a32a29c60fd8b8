import { withMailCatcher, type MailCatcher } from 'test-support/mail-catcher';
import { startLocalAuth0, type LocalAuth0, type LocalAuth0Options } from '../src/index';
import { LOCAL_APP, managementToken as requestManagementToken, readCounts, resetTenant, SEED_USERS } from '../src/testing';
import { useRunning } from 'test-support/hooks';

export const ADA = SEED_USERS.ada.id;
export const GRACE = SEED_USERS.grace.id;
export const ALAN = SEED_USERS.alan.id;
export const API = LOCAL_APP.apiAudience;
export const SPA = 'http://localhost:4200';

export function startTenant(options: LocalAuth0Options = {}): Promise<LocalAuth0> {
  return startLocalAuth0({ port: 0, stateFile: null, ...options });
}

export interface UseTenantOptions {
  tenant?: LocalAuth0Options;
  /** 'each' (default): the tenant is back to its seed (users, sessions, counts, faults) and caught mails forgotten before each test. */
  reset?: 'each' | 'none';
  /** The tenant mails to a real SMTP catcher: `catcher`. */
  mail?: true;
}

/** A tenant and the SMTP catcher it mails to; close() stops both. */
export interface MailingTenant extends LocalAuth0 {
  catcher: MailCatcher;
}

function startMailingTenant(options: LocalAuth0Options = {}): Promise<MailingTenant> {
  return withMailCatcher((catcher) => startTenant({ smtpUrl: catcher.url, ...options }));
}

/** The spec file's tenant (useRunning): started before its tests, closed after them. */
export function useTenant(options: UseTenantOptions & { mail: true }): MailingTenant;
export function useTenant(options?: UseTenantOptions): LocalAuth0;
export function useTenant(options: UseTenantOptions = {}): LocalAuth0 | MailingTenant {
  const start = () => (options.mail ? startMailingTenant(options.tenant) : startTenant(options.tenant));
  const reset = async (tenant: LocalAuth0 & { catcher?: MailCatcher }) => {
    await resetTenant(tenant.url);
    tenant.catcher?.clear();
  };
  return useRunning<LocalAuth0 & { catcher?: MailCatcher }>(start, { reset: options.reset === 'none' ? undefined : reset });
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
