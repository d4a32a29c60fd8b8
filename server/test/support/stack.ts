import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { startLocalAuth0, type LocalAuth0, type LocalAuth0Options } from 'local-auth0';
import { SEED_USERS } from 'local-auth0/testing';
import { loadConfig, startServer, type RunningServer, type StartOptions } from '../../src';
import { testApiEnv } from './api-env';
import { withMailCatcher, type MailCatcher } from 'test-support/mail-catcher';

export const ADA = SEED_USERS.ada.id;
export const GRACE = SEED_USERS.grace.id;
export const ALAN = SEED_USERS.alan.id;

export interface Stack {
  tenant: LocalAuth0;
  api: { url: string; close(): Promise<void> };
  close(): Promise<void>;
}

/** Another API instance in front of an already running tenant. */
export function startApi(tenantUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(loadConfig(testApiEnv({ AUTH0_DOMAIN: tenantUrl, ...env })));
}

export interface StackOptions {
  tenant?: LocalAuth0Options;
  server?: StartOptions;
}

/** An in-memory tenant and the API pointed at it, both on ephemeral ports. */
export async function startStack(env: Record<string, string> = {}, options: StackOptions = {}): Promise<Stack> {
  const tenant = await startLocalAuth0({ port: 0, stateFile: null, ...options.tenant });
  const config = loadConfig(testApiEnv({ AUTH0_DOMAIN: tenant.url, ...env }));
  const api = await startServer(config, options.server);
  return {
    tenant,
    api,
    async close() {
      await api.close();
      await tenant.close();
    },
  };
}

export interface MailStack extends Stack {
  /** The SMTP server both the API and the tenant send to. */
  catcher: MailCatcher;
}

export interface MailStackOptions extends StackOptions {
  /** `user:password` the API logs in to SMTP with (the catcher takes any login). */
  smtpLogin?: string;
}

/** The stack with a real SMTP catcher that the API (SMTP_URL) and the tenant (smtpUrl) both mail to. */
export function startMailStack(env: Record<string, string> = {}, options: MailStackOptions = {}): Promise<MailStack> {
  return withMailCatcher((catcher) => {
    const apiSmtpUrl = options.smtpLogin ? catcher.url.replace('smtp://', `smtp://${options.smtpLogin}@`) : catcher.url;
    return startStack({ SMTP_URL: apiSmtpUrl, ...env }, { ...options, tenant: { smtpUrl: catcher.url, ...options.tenant } });
  });
}

export interface PersistentStack extends Stack {
  stateFile: string;
}

/** Like startStack, but the tenant keeps its state (signing keys included) in a temp file. */
export async function startPersistentStack(env: Record<string, string> = {}, options: StackOptions = {}): Promise<PersistentStack> {
  const dir = mkdtempSync(join(tmpdir(), 'profile-api-state-'));
  const stateFile = join(dir, 'state.json');
  const stack = await startStack(env, { ...options, tenant: { ...options.tenant, stateFile } });
  return {
    ...stack,
    stateFile,
    close: async () => {
      await stack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The tenant's current signing key (private JWK), as persisted in its state file. */
export function currentSigningKey(stateFile: string): JWK & { kid: string } {
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { keys: { current: { privateJwk: JWK & { kid: string } } } };
  return state.keys.current.privateJwk;
}
