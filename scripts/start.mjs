#!/usr/bin/env node
// `npm start`: the local tenant, the API and the Angular dev server, started in order,
// each waited for, their output prefixed, all stopped together on Ctrl-C.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const tenantUrl = `http://localhost:${process.env.LOCAL_AUTH0_PORT ?? 4400}`;
const apiUrl = `http://localhost:${process.env.PORT ?? 4000}`;
const appUrl = 'http://localhost:4200';

const services = [
  { name: 'tenant', cmd: ['node', '--import', 'tsx', 'local-auth0/src/main.ts'], ready: `${tenantUrl}/.well-known/openid-configuration` },
  { name: 'api', cmd: ['node', '--import', 'tsx', 'server/src/main.ts'], ready: `${apiUrl}/healthz` },
  { name: 'app', cmd: ['npx', 'ng', 'serve', '--port', '4200'], cwd: 'client', ready: appUrl, env: { NG_CLI_ANALYTICS: 'false' } },
];

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}

function launch({ name, cmd, cwd, env }) {
  const child = spawn(cmd[0], cmd.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) out.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`[${name}] exited with code ${code}; stopping the others.`);
      stopAll(code || 1);
    }
  });
  children.push(child);
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
    stopAll(1);
  }
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

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
