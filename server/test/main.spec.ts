import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { startLocalAuth0 } from 'local-auth0';
import { useRunning } from 'test-support/hooks';
import { gql, ME } from './support/graphql';
import { injectFault, userToken } from 'local-auth0/testing';

// `npm start -w server` runs `node --import tsx src/main.ts` (one process, so signals reach main.ts
// directly); this runs it the same way, as a child process.
const SERVER_DIR = resolve(__dirname, '..');

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});
const tenant = useRunning(() => startLocalAuth0({ port: 0, stateFile: null }));

function startMain(env: Record<string, string>): { child: ChildProcess; url: Promise<string>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const url = new Promise<string>((resolveUrl, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/localhost:\d+)"/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', () => reject(new Error(`main.ts exited early:\n${output}`)));
  });
  url.catch(() => {}); // awaited only by the tests that expect a start
  return { child, url, output: () => output };
}

it('on SIGTERM finishes the in-flight request, then exits 0', async () => {
  const { child, url } = startMain({ AUTH0_DOMAIN: tenant.url, PORT: '0', NODE_ENV: 'production', AUTH0_TIMEOUT_MS: '3000', PROFILE_CACHE_TTL_SECONDS: '0' });
  const apiUrl = await url;
  const token = await userToken(tenant.url, { email: 'ada@example.com' });
  await injectFault(tenant.url, { route: 'GET /api/v2/users/:id', delayMs: 800 });
  const inFlight = gql(apiUrl, ME, { token });
  await new Promise((resolveWait) => setTimeout(resolveWait, 300));
  child.kill('SIGTERM');
  const result = await inFlight;
  expect(result.body.data?.me).toMatchObject({ email: 'ada@example.com' });
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
}, 20_000);

it('refuses to start against a real domain without a secret, naming the variable', async () => {
  const { child, output } = startMain({ AUTH0_DOMAIN: 'acme.eu.auth0.com', AUTH0_MANAGEMENT_CLIENT_ID: 'id', NODE_ENV: 'production' });
  const [code] = await once(child, 'exit');
  expect(code).toBe(1);
  expect(output()).toContain('AUTH0_MANAGEMENT_CLIENT_SECRET');
}, 20_000);
