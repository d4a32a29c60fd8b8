#!/usr/bin/env node
// `npm start`: a development mail inbox, the local tenant, the API and the Angular dev server,
// started in order, each waited for, their output prefixed. When any of them stops, or this
// script gets Ctrl-C / SIGTERM / SIGHUP, all of them stop, down to the last grandchild.
//
// Environment: see stack-env.mjs.
import { tsImport } from 'tsx/esm/api';
import { isStopping, launch, waitFor } from './services.mjs';
import { apiLogFormat, apiUrl, appService, appUrl, crossSite, inbox, mailWebUrl, smtpUrl, tenantEnv, tenantUrl } from './stack-env.mjs';

const { LOCAL_APP } = await tsImport('../local-auth0/src/config/local-app.ts', import.meta.url);

const services = [
  ...(inbox ? [{ name: 'mail', cmd: ['node', '--import', 'tsx', 'server/test/support/mail-inbox-main.ts'], ready: mailWebUrl }] : []),
  { name: 'tenant', cmd: ['node', '--import', 'tsx', 'local-auth0/src/main.ts'], ready: `${tenantUrl}/.well-known/openid-configuration`, env: { ...tenantEnv, SMTP_URL: smtpUrl } },
  {
    name: 'api',
    cmd: ['node', '--import', 'tsx', 'server/src/main.ts'],
    ready: `${apiUrl}/healthz`,
    env: { LOG_FORMAT: apiLogFormat, AUTH0_DOMAIN: process.env.AUTH0_DOMAIN || tenantUrl, CORS_ORIGINS: process.env.CORS_ORIGINS || appUrl, APP_URL: process.env.APP_URL || appUrl, SMTP_URL: smtpUrl },
  },
  appService(),
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
    GraphQL API     ${apiUrl}/graphql   (Apollo Sandbox; each page load asks the tenant for a token for ada, by id — the page says so if it gets none)
    Local tenant    ${tenantUrl}/${crossSite ? '   (another site than the app: the session is restored by a top-level trip)' : ''}
    Mail inbox      ${inbox ? `${mailWebUrl}/   (every mail the API and the tenant send; SMTP ${smtpUrl})` : `none started: mail goes to ${smtpUrl}`}

  Demo logins as seeded (local-auth0/seed.json; README.md says what each shows; the [tenant] lines
  above and the login page show them as they are now):
${LOCAL_APP.demoLogins.map((login) => `    ${login}`).join('\n')}

  Ctrl-C stops them all.
`);
}
