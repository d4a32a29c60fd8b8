#!/usr/bin/env node
// `npm start`: the local tenant, the API and the Angular dev server, started in order,
// each waited for, their output prefixed. When any of them stops, or this script gets
// Ctrl-C / SIGTERM / SIGHUP, all of them stop, down to the last grandchild.
//
// Environment: LOCAL_AUTH0_PORT (4400), PORT (API, 4000), APP_PORT (4200), MAIL_SMTP_PORT (1025)
// and MAIL_WEB_PORT (1080) for the development mail inbox, and START_APP_CMD, a shell command that
// replaces `ng serve` (tests run a cheap stand-in). SMTP_URL set: mail goes there, no inbox starts.
import { isStopping, launch, waitFor } from './services.mjs';

const tenantUrl = `http://localhost:${process.env.LOCAL_AUTH0_PORT || 4400}`;
const apiUrl = `http://localhost:${process.env.PORT || 4000}`;
const appPort = process.env.APP_PORT || '4200';
const appUrl = `http://localhost:${appPort}`;
const mailWebUrl = `http://127.0.0.1:${process.env.MAIL_WEB_PORT || 1080}`;
const smtpUrl = process.env.SMTP_URL || `smtp://127.0.0.1:${process.env.MAIL_SMTP_PORT || 1025}`;
const inbox = !process.env.SMTP_URL;

const services = [
  ...(inbox ? [{ name: 'mail', cmd: ['node', '--import', 'tsx', 'server/test/support/mail-inbox-main.ts'], ready: mailWebUrl }] : []),
  { name: 'tenant', cmd: ['node', '--import', 'tsx', 'local-auth0/src/main.ts'], ready: `${tenantUrl}/.well-known/openid-configuration`, env: { SMTP_URL: smtpUrl } },
  {
    name: 'api',
    cmd: ['node', '--import', 'tsx', 'server/src/main.ts'],
    ready: `${apiUrl}/healthz`,
    env: { AUTH0_DOMAIN: process.env.AUTH0_DOMAIN || tenantUrl, CORS_ORIGINS: process.env.CORS_ORIGINS || appUrl, APP_URL: process.env.APP_URL || appUrl, SMTP_URL: smtpUrl },
  },
  {
    name: 'app',
    cmd: process.env.START_APP_CMD ? [process.env.START_APP_CMD] : ['npx', 'ng', 'serve', '--port', appPort],
    shell: Boolean(process.env.START_APP_CMD),
    cwd: process.env.START_APP_CMD ? undefined : 'client',
    ready: appUrl,
    env: { NG_CLI_ANALYTICS: 'false', APP_PORT: appPort },
  },
];

for (const service of services) {
  launch(service);
  await waitFor(service.ready, service.name);
  if (isStopping()) break;
}

if (!isStopping()) {
  console.log(`
  Everything is up (local tenant, no Auth0 account needed):

    App             ${appUrl}
    GraphQL API     ${apiUrl}/graphql   (Apollo Sandbox, pre-authorised as ada)
    Local tenant    ${tenantUrl}/
    Mail inbox      ${inbox ? `${mailWebUrl}/   (every mail the API and the tenant send; SMTP ${smtpUrl})` : `none started: mail goes to ${smtpUrl}`}

  Demo logins:
    ada@example.com    Ada-Lovelace-1815   (database user: may change email)
    alan@example.com   Alan-Turing-1912    (database user with drifted user_metadata keys)
    grace              "Continue with Google (simulated)" on the login page (social: email read-only)

  Ctrl-C stops them all.
`);
}
