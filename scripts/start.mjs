#!/usr/bin/env node
// `npm start`: the local tenant, the API and the Angular dev server, started in order,
// each waited for, their output prefixed. When any of them stops, or this script gets
// Ctrl-C / SIGTERM / SIGHUP, all of them stop, down to the last grandchild.
//
// Environment: LOCAL_AUTH0_PORT (4400), PORT (API, 4000), APP_PORT (4200), and
// START_APP_CMD, a shell command that replaces `ng serve` (tests run a cheap stand-in).
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const tenantUrl = `http://localhost:${process.env.LOCAL_AUTH0_PORT || 4400}`;
const apiUrl = `http://localhost:${process.env.PORT || 4000}`;
const appPort = process.env.APP_PORT || '4200';
const appUrl = `http://localhost:${appPort}`;
const GRACE_MS = 5000;

const services = [
  { name: 'tenant', cmd: ['node', '--import', 'tsx', 'local-auth0/src/main.ts'], ready: `${tenantUrl}/.well-known/openid-configuration` },
  {
    name: 'api',
    cmd: ['node', '--import', 'tsx', 'server/src/main.ts'],
    ready: `${apiUrl}/healthz`,
    env: { AUTH0_DOMAIN: process.env.AUTH0_DOMAIN || tenantUrl, CORS_ORIGINS: process.env.CORS_ORIGINS || appUrl },
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

/** Running children; each leads its own process group, so a signal to `-pid` reaches its whole tree. */
const children = new Map();
let stopping = false;

function signalTree(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const running = [...children.values()];
  for (const child of running) signalTree(child, 'SIGTERM');
  const exited = Promise.all(running.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((done) => child.once('exit', done)))));
  await Promise.race([exited, sleep(GRACE_MS)]);
  // Leaders that exited may leave grandchildren behind (npx does not pass signals on): sweep every group.
  for (const child of running) signalTree(child, 'SIGKILL');
  process.exit(code);
}

function launch({ name, cmd, cwd, env, shell }) {
  const child = spawn(cmd[0], cmd.slice(1), {
    cwd,
    shell,
    detached: true,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) out.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  console.log(`[${name}] started, process group ${child.pid}`);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${name}] exited with ${signal ?? `code ${code}`}; stopping the others.`);
      void stopAll(code || 1);
    }
  });
  children.set(name, child);
}

async function waitFor(url, name, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  if (!stopping) {
    console.error(`[${name}] did not answer ${url} in time; stopping.`);
    void stopAll(1);
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll(0));
// Last resort (an exception in this script): no child may outlive it.
process.on('exit', () => {
  for (const child of children.values()) signalTree(child, 'SIGKILL');
});

for (const service of services) {
  launch(service);
  await waitFor(service.ready, service.name);
  if (stopping) break;
}

if (!stopping) {
  console.log(`
  Everything is up (local tenant, no Auth0 account needed):

    App             ${appUrl}
    GraphQL API     ${apiUrl}/graphql   (Apollo Sandbox, pre-authorised as ada)
    Local tenant    ${tenantUrl}/

  Demo logins:
    ada@example.com    Ada-Lovelace-1815   (database user: may change email)
    alan@example.com   Alan-Turing-1912    (database user with drifted user_metadata keys)
    grace              "Continue with Google (simulated)" on the login page (social: email read-only)

  Ctrl-C stops all three.
`);
}
