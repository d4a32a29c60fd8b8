import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { LOCAL_APP } from 'local-auth0/testing';
import { loadConfig, startServer } from 'server';
import { startMailCatcher, type MailCatcher } from 'test-support/mail-catcher';
import { APP_DIST } from './paths';
import { startStaticApp } from './static-app';

export interface StackOptions {
  /** `127.0.0.1` puts the tenant on another site than the app (http://localhost:PORT), as in production. */
  tenantHost?: 'localhost' | '127.0.0.1';
  /** The app's `config.json` "session" option; absent = the app's default (memory). */
  session?: 'memory' | 'localstorage';
  /** Extra API settings (environment variables). */
  apiEnv?: Record<string, string>;
}

export interface Stack {
  appUrl: string;
  tenant: LocalAuth0;
  /** The SMTP server the tenant and the API send their mails to. */
  mail: MailCatcher;
  apiUrl: string;
  /** Stops the API only (the app then sees network failures); close() still cleans up. */
  stopApi(): Promise<void>;
  close(): Promise<void>;
}

/** Mail catcher, tenant, API and the built app on ephemeral ports, wired to each other like the defaults. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  let appConfig: unknown = null;
  const mail = await startMailCatcher();
  const app = await startStaticApp(APP_DIST, () => appConfig);
  const tenant = await startLocalAuth0({ port: 0, stateFile: null, spaUrls: [app.url], publicHost: options.tenantHost, smtpUrl: mail.url });
  const api = await startServer(
    loadConfig({
      NODE_ENV: 'test',
      AUTH0_DOMAIN: tenant.url,
      CORS_ORIGINS: app.url,
      SMTP_URL: mail.url,
      APP_URL: app.url,
      PORT: '0',
      LOG_LEVEL: 'silent',
      ...options.apiEnv,
    }),
  );
  appConfig = {
    auth0: { domain: tenant.url, clientId: LOCAL_APP.spaClientId, audience: LOCAL_APP.apiAudience },
    apiUrl: `${api.url}/graphql`,
    ...(options.session ? { session: options.session } : {}),
  };
  let apiStopped: Promise<void> | undefined;
  const stopApi = () => (apiStopped ??= api.close());
  return {
    appUrl: app.url,
    tenant,
    mail,
    apiUrl: api.url,
    stopApi,
    close: async () => {
      await Promise.all([app.close(), stopApi(), tenant.close(), mail.close()]);
    },
  };
}
