import { startLocalAuth0, type LocalAuth0, type LocalAuth0Options } from 'local-auth0';
import { SEED_USERS } from 'local-auth0/testing';
import { loadConfig, startServer, type StartOptions } from '../../src';

export const ADA = SEED_USERS.ada.id;
export const GRACE = SEED_USERS.grace.id;
export const ALAN = SEED_USERS.alan.id;

export interface Stack {
  tenant: LocalAuth0;
  api: { url: string; close(): Promise<void> };
  close(): Promise<void>;
}

/** An in-memory tenant and the API pointed at it, both on ephemeral ports. */
export async function startStack(
  env: Record<string, string> = {},
  options: { tenant?: LocalAuth0Options; server?: StartOptions } = {},
): Promise<Stack> {
  const tenant = await startLocalAuth0({ port: 0, stateFile: null, ...options.tenant });
  const config = loadConfig({ NODE_ENV: 'test', AUTH0_DOMAIN: tenant.url, PORT: '0', AUTH0_TIMEOUT_MS: '1000', ...env });
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
