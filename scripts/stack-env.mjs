// The one set of variables both start scripts read: ports, the URLs built from them, and how
// the app is served.
//
//   LOCAL_AUTH0_PORT (4400)  the local tenant
//   PORT (4000)              the API (with start:replicas, the proxy; the replicas take the next two)
//   APP_PORT (4200)          the app
//   START_APP_CMD            a shell command run instead of `ng serve` (tests run a cheap stand-in)
//   CROSS_SITE=1 (or `-- --cross-site`)  the tenant on 127.0.0.1 (issuer http://127.0.0.1:PORT/), the
//                            app on localhost: two sites, as with a real tenant
//   MAIL_SMTP_PORT (1025), MAIL_WEB_PORT (1080)  the development mail inbox (npm start)
//   SMTP_URL                 mail goes there instead; then no inbox starts
import { readFileSync } from 'node:fs';

const env = process.env;
/** The local tenant's registrations (its SPA client and API), as local-auth0/src/config/local-app.ts reads them. */
const seed = JSON.parse(readFileSync(new URL('../local-auth0/seed.json', import.meta.url), 'utf8'));

export const tenantPort = Number(env.LOCAL_AUTH0_PORT || 4400);
export const apiPort = Number(env.PORT || 4000);
export const appPort = Number(env.APP_PORT || 4200);

export const crossSite = ['1', 'true'].includes(env.CROSS_SITE ?? '') || process.argv.includes('--cross-site');
const tenantHost = crossSite ? '127.0.0.1' : 'localhost';

export const tenantUrl = `http://${tenantHost}:${tenantPort}`;
export const apiUrl = `http://localhost:${apiPort}`;
export const appUrl = `http://localhost:${appPort}`;

export const mailWebUrl = `http://127.0.0.1:${env.MAIL_WEB_PORT || 1080}`;
export const smtpUrl = env.SMTP_URL || `smtp://127.0.0.1:${env.MAIL_SMTP_PORT || 1025}`;
export const inbox = !env.SMTP_URL;
/** The API's stdout is piped through the launcher's prefixer: it logs pretty when the launcher's own stdout is a terminal. */
export const apiLogFormat = env.LOG_FORMAT || (process.stdout.isTTY ? 'pretty' : 'json');

/** The tenant's variables: its public host, and the app's origin for callbacks, logout and web origins. */
export const tenantEnv = { LOCAL_AUTH0_PUBLIC_HOST: tenantHost, LOCAL_AUTH0_SPA_URLS: appUrl };

/** What the app loads as config.json (`ng serve` answers it from APP_RUNTIME_CONFIG, see client/dev-config.mjs). */
export const runtimeConfig = {
  auth0: {
    domain: env.AUTH0_DOMAIN || tenantUrl,
    clientId: env.AUTH0_CLIENT_ID || seed.clients.find((client) => client.type === 'spa').clientId,
    audience: env.AUTH0_AUDIENCE || seed.resourceServers[0].identifier,
  },
  apiUrl: `${apiUrl}/graphql`,
  session: 'memory',
};

/** The app's service for launch(): `ng serve` on APP_PORT, or START_APP_CMD. */
export function appService() {
  const standIn = env.START_APP_CMD;
  return {
    name: 'app',
    cmd: standIn ? [standIn] : ['npx', 'ng', 'serve', '--port', String(appPort)],
    shell: Boolean(standIn),
    cwd: standIn ? undefined : 'client',
    ready: appUrl,
    env: { NG_CLI_ANALYTICS: 'false', APP_PORT: String(appPort), APP_RUNTIME_CONFIG: JSON.stringify(runtimeConfig) },
  };
}
