import { startLocalAuth0, type LocalAuth0, type LocalAuth0Options } from 'local-auth0';
import { resetTenant, SEED_USERS } from 'local-auth0/testing';
import { loadConfig, startServer, type RunningServer, type StartOptions } from '../../src';
import { testApiEnv } from './api-env';
import { startMailCatcher, type MailCatcher } from './mail-catcher';

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

/** An in-memory tenant and the API pointed at it, both on ephemeral ports. */
export async function startStack(
  env: Record<string, string> = {},
  options: { tenant?: LocalAuth0Options; server?: StartOptions } = {},
): Promise<Stack> {
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
  /** Tenant back to the seed, caught mails and refusals forgotten. */
  reset(): Promise<void>;
}

/** The stack with a real SMTP catcher that the API (SMTP_URL) and the tenant (smtpUrl) both mail to. */
export async function startMailStack(
  env: Record<string, string> = {},
  options: { tenant?: LocalAuth0Options; server?: StartOptions } = {},
): Promise<MailStack> {
  const catcher = await startMailCatcher();
  const stack = await startStack({ SMTP_URL: catcher.url, ...env }, { ...options, tenant: { smtpUrl: catcher.url, ...options.tenant } });
  return {
    ...stack,
    catcher,
    async reset() {
      await resetTenant(stack.tenant.url);
      catcher.clear();
    },
    async close() {
      await stack.close();
      await catcher.close();
    },
  };
}
