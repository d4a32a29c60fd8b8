import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(__dirname, '../..');
const STAND_IN = join(__dirname, 'fixtures/app-stand-in.mjs');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** True when something accepts connections on 127.0.0.1 or ::1 at `port`. */
async function listening(port: number): Promise<boolean> {
  const probe = (host: string) =>
    new Promise<boolean>((done) => {
      const socket = connect({ host, port }, () => {
        socket.destroy();
        done(true);
      });
      socket.on('error', () => done(false));
    });
  return (await probe('127.0.0.1')) || (await probe('::1'));
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return check();
}

interface Stack { script: ChildProcess; ports: number[]; pids: Record<string, number>; exited: Promise<number | null>; output: string }

async function startStack(): Promise<Stack> {
  const ports = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
  const [tenant, api, app, smtp, inbox] = ports.map(String);
  const script = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, LOCAL_AUTH0_PORT: tenant, LOCAL_AUTH0_STATE: 'memory', PORT: api, APP_PORT: app, MAIL_SMTP_PORT: smtp, MAIL_WEB_PORT: inbox, SMTP_URL: '', START_APP_CMD: `"${process.execPath}" "${STAND_IN}"`, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => script.on('exit', (code) => done(code)));
  let output = '';
  const pids: Record<string, number> = {};
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start.mjs did not come up:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      for (const [, name, pid] of output.matchAll(/\[(\w+)\] started, process group (\d+)/g)) pids[name!] = Number(pid);
      if (output.includes('Everything is up')) {
        clearTimeout(timer);
        resolve();
      }
    };
    script.stdout!.on('data', read);
    script.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`start.mjs exited early:\n${output}`)));
  });
  return { script, ports, pids, exited, output };
}

async function expectAllStopped(stack: Stack): Promise<void> {
  await Promise.race([stack.exited, sleep(30_000, undefined, { ref: false })]);
  expect(stack.script.exitCode !== null || stack.script.signalCode !== null).toBe(true);
  for (const port of stack.ports) {
    const freed = await eventually(async () => !(await listening(port)), 10_000);
    expect({ port, freed }).toEqual({ port, freed: true });
  }
}

/** Kills whatever a failed test left behind. */
function cleanUp(stack: Stack | undefined): void {
  for (const pid of Object.values(stack?.pids ?? {})) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

describe('scripts/start.mjs stops the whole process tree', () => {
  let stack: Stack | undefined;
  afterEach(() => cleanUp(stack));

  it.each(['SIGINT', 'SIGTERM'] as const)('leaves nothing listening after %s to start.mjs alone', async (signal) => {
    stack = await startStack();
    for (const port of stack.ports) expect(await listening(port)).toBe(true);
    stack.script.kill(signal);
    await expectAllStopped(stack);
  }, 150_000);

  it('starts a mail inbox and prints its URL', async () => {
    stack = await startStack();
    const inbox = `http://127.0.0.1:${stack.ports[4]}/`;
    expect(stack.output).toContain(`Mail inbox      ${inbox}`);
    expect(await (await fetch(inbox)).text()).toContain('Mail inbox (development)');
    stack.script.kill('SIGTERM');
    await expectAllStopped(stack);
  }, 150_000);

  it('stops the API and the app when the tenant dies', async () => {
    stack = await startStack();
    process.kill(-stack.pids.tenant!, 'SIGKILL');
    expect(await stack.exited).toBe(1);
    await expectAllStopped(stack);
  }, 150_000);
});
