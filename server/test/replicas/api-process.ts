// API replicas as real processes (`node --import tsx src/main.ts`, like `npm start -w server`),
// each with its own memory, pointed at one tenant (and one Redis when REDIS_URL is given).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { freePort } from 'test-support';
import { useRunning } from 'test-support/hooks';
import { testApiEnv } from '../support/api-env';

const SERVER_DIR = resolve(__dirname, '..', '..');

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote (JSON log lines). */
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** For afterAll: no replica outlives its suite. */
export function killAllApis(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

async function waitUntilListening(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      await fetch(`${url}/healthz`);
      return;
    } catch {
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
  throw new Error(`API at ${url} did not start:\n${output()}`);
}

export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH, ...testApiEnv({ LOG_LEVEL: 'info', ...env }), PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  await waitUntilListening(url, child, () => output);
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Starts `count` replicas at once. */
export function startReplicas(count: number, env: Record<string, string>): Promise<ApiProcess[]> {
  return Promise.all(Array.from({ length: count }, () => startApiProcess(env)));
}

/** A file's in-memory tenant and one API process in front of it (useRunning); `env` is added to the API's. */
export function useApiProcess(env: Record<string, string> = {}): { readonly tenant: LocalAuth0; readonly api: ApiProcess } {
  return useRunning(async () => {
    const tenant = await startLocalAuth0({ port: 0, stateFile: null });
    const api = await startApiProcess({ AUTH0_DOMAIN: tenant.url, ...env }).catch(async (error: unknown) => {
      await tenant.close();
      throw error;
    });
    return {
      tenant,
      api,
      async close() {
        await api.kill();
        await tenant.close();
      },
    };
  });
}

/** A process's resident memory in MiB (VmRSS of /proc/<pid>/status). */
export function rssMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb / 1024;
}
