import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { loadConfig, startServer } from 'server';
import { APP_DIST } from './paths';
import { startStaticApp } from './static-app';

export const AUDIENCE = 'https://profile-api.local';

export interface Stack {
  appUrl: string;
  tenant: LocalAuth0;
  apiUrl: string;
  /** Stops the API only (the app then sees network failures); close() still cleans up. */
  stopApi(): Promise<void>;
  close(): Promise<void>;
}

/** Tenant, API and the built app on ephemeral ports, wired to each other like the defaults; `apiEnv` adds API settings. */
export async function startStack(apiEnv: Record<string, string> = {}): Promise<Stack> {
  let appConfig: unknown = null;
  const app = await startStaticApp(APP_DIST, () => appConfig);
  const tenant = await startLocalAuth0({ port: 0, stateFile: null, spaUrls: [app.url] });
  const api = await startServer(
    loadConfig({
      NODE_ENV: 'test',
      AUTH0_DOMAIN: tenant.url,
      CORS_ORIGINS: app.url,
      PORT: '0',
      LOG_LEVEL: 'silent',
      ...apiEnv,
    }),
  );
  appConfig = {
    auth0: { domain: tenant.url, clientId: 'local-spa', audience: AUDIENCE },
    apiUrl: `${api.url}/graphql`,
  };
  let apiStopped: Promise<void> | undefined;
  const stopApi = () => (apiStopped ??= api.close());
  return {
    appUrl: app.url,
    tenant,
    apiUrl: api.url,
    stopApi,
    close: async () => {
      await Promise.all([app.close(), stopApi(), tenant.close()]);
    },
  };
}
