import { startLocalAuth0, type LocalAuth0, type LocalAuth0Options } from 'local-auth0';
import { loadConfig, startServer, type StartOptions } from '../../src';

export const ADA = 'auth0|64f1a2b3c4d5e6f708192a3b';
export const GRACE = 'google-oauth2|103547991597142817347';
export const ALAN = 'auth0|65a0b1c2d3e4f50617283940';

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
