#!/usr/bin/env node
// `npm run start:replicas`: the local tenant, a Redis from the machine's redis-server, two API
// replicas sharing it, a round-robin proxy in front of them on the API's usual port, and the app
// (which talks to that port, so every request may land on either replica).
import { createConnection } from 'node:net';
import { startRoundRobinProxy } from './round-robin-proxy.mjs';
import { isStopping, launch, stopAll, waitFor, waitUntil, whenStopping } from './services.mjs';
import { apiLogFormat, apiPort as proxyPort, appService, appUrl, tenantEnv, tenantUrl } from './stack-env.mjs';

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const redisPort = Number(process.env.REDIS_PORT ?? 6390);
const replicaPorts = [proxyPort + 1, proxyPort + 2];
const redisUrl = `redis://127.0.0.1:${redisPort}`;

function redisAnswers() {
  return new Promise((resolve) => {
    const socket = createConnection({ port: redisPort, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

launch({ name: 'redis', cmd: [REDIS_SERVER, '--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'] });
await waitUntil(redisAnswers, 'redis', 10_000);

if (!isStopping()) {
  launch({ name: 'tenant', cmd: ['node', '--import', 'tsx', 'local-auth0/src/main.ts'], env: tenantEnv });
  await waitFor(`${tenantUrl}/.well-known/openid-configuration`, 'tenant');
}

for (const [index, port] of replicaPorts.entries()) {
  if (isStopping()) break;
  const name = `api-${index + 1}`;
  const env = { LOG_FORMAT: apiLogFormat, PORT: String(port), REDIS_URL: redisUrl, AUTH0_DOMAIN: process.env.AUTH0_DOMAIN || tenantUrl, CORS_ORIGINS: process.env.CORS_ORIGINS || appUrl };
  launch({ name, cmd: ['node', '--import', 'tsx', 'server/src/main.ts'], env });
  await waitFor(`http://localhost:${port}/healthz`, name);
}

if (!isStopping()) {
  try {
    const proxy = await startRoundRobinProxy({
      port: proxyPort,
      targets: replicaPorts.map((port) => `http://localhost:${port}`),
      // PROXY_HOST=0.0.0.0 to reach it from other machines; loopback only by default.
      hosts: process.env.PROXY_HOST ? [process.env.PROXY_HOST] : undefined,
      log: (line) => console.log(`[proxy] ${line}`),
    });
    whenStopping(() => proxy.close());
  } catch (error) {
    console.error(`[proxy] ${error.message}`);
    void stopAll(1);
  }
  // NO_APP=1: the API side only (curl, a load test, or an app served elsewhere).
  if (!process.env.NO_APP && !isStopping()) {
    const app = appService();
    launch(app);
    await waitFor(app.ready, app.name);
  }
}

if (!isStopping()) {
  console.log(`
  Two API replicas behind a round-robin proxy, sharing one Redis (local tenant, no Auth0 account needed):

    App             ${appUrl}
    GraphQL API     http://localhost:${proxyPort}/graphql   (proxy -> ${replicaPorts.map((port) => `:${port}`).join(', ')})
    Readiness       http://localhost:${replicaPorts[0]}/readyz, http://localhost:${replicaPorts[1]}/readyz
    Redis           ${redisUrl}   (empty at start, nothing saved)
    Local tenant    ${tenantUrl}/

  Save in the app, reload: whichever replica answers shows the new values at once.
  Ctrl-C stops everything.
`);
}
