#!/usr/bin/env node
// `npm run start:replicas`: the local tenant, a Redis from the machine's redis-server, two API
// replicas sharing it, a round-robin proxy in front of them on the API's usual port, and the app
// (which talks to that port, so every request may land on either replica).
import { createConnection } from 'node:net';
import { startRoundRobinProxy } from './round-robin-proxy.mjs';
import { isStopping, launch, waitFor, waitUntil, whenStopping } from './services.mjs';

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const redisPort = Number(process.env.REDIS_PORT ?? 6390);
const tenantUrl = `http://localhost:${process.env.LOCAL_AUTH0_PORT ?? 4400}`;
const proxyPort = Number(process.env.PORT ?? 4000);
const replicaPorts = [proxyPort + 1, proxyPort + 2];
const appUrl = 'http://localhost:4200';
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
  launch({ name: 'tenant', cmd: ['node', '--import', 'tsx', 'local-auth0/src/main.ts'] });
  await waitFor(`${tenantUrl}/.well-known/openid-configuration`, 'tenant');
}

for (const [index, port] of replicaPorts.entries()) {
  if (isStopping()) break;
  const name = `api-${index + 1}`;
  const env = { PORT: String(port), REDIS_URL: redisUrl, AUTH0_DOMAIN: process.env.AUTH0_DOMAIN ?? tenantUrl };
  launch({ name, cmd: ['node', '--import', 'tsx', 'server/src/main.ts'], env });
  await waitFor(`http://localhost:${port}/healthz`, name);
}

if (!isStopping()) {
  const proxy = startRoundRobinProxy({
    port: proxyPort,
    targets: replicaPorts.map((port) => `http://localhost:${port}`),
    log: (line) => console.log(`[proxy] ${line}`),
  });
  whenStopping(() => proxy.close());
  // NO_APP=1: the API side only (curl, a load test, or an app served elsewhere).
  if (!process.env.NO_APP) {
    launch({ name: 'app', cmd: ['npx', 'ng', 'serve', '--port', '4200'], cwd: 'client', env: { NG_CLI_ANALYTICS: 'false' } });
    await waitFor(appUrl, 'app');
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
