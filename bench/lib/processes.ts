// Child processes for the servers under load, so each one's RSS and CPU are its own and the
// load generator (this process) never shares an event loop with the server it measures.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

const running = new Set<ChildProcess>();

/** Kills every child still running (synchronous, so it also works from an 'exit' handler). */
export function killAllServices(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

export interface Service {
  name: string;
  url: string;
  pid: number;
  /** Last lines the child wrote to stderr, shown if it dies or never gets ready. */
  stderrTail(): string;
  stop(): Promise<void>;
}

export interface ServiceSpec {
  name: string;
  /** Script path relative to the repository root: TypeScript runs with `node --import tsx`, JavaScript as is. */
  script: string;
  /** Extra node flags, e.g. a heap cap. */
  nodeArgs?: string[];
  args?: string[];
  env?: Record<string, string>;
  /** Path answered with 2xx once the service is ready, e.g. `/healthz`. */
  readyPath: string;
  port?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// `node --import tsx` rather than the tsx CLI: the CLI forks a second node process, and the
// pid we read RSS from must be the server's own.
export async function startService(spec: ServiceSpec): Promise<Service> {
  const port = spec.port ?? (await freePort());
  const loader = spec.script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), ...loader, spec.script, ...(spec.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...spec.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const tail = captureTail(child);
  const url = `http://localhost:${port}`;
  const service: Service = {
    name: spec.name,
    url,
    pid: child.pid ?? -1,
    stderrTail: tail,
    stop: () => stopChild(child),
  };
  await waitReady(service, child, spec.readyPath);
  return service;
}

function captureTail(child: ChildProcess): () => string {
  let lines: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    lines = [...lines, ...chunk.split('\n')].slice(-20);
  });
  return () => lines.join('\n');
}

async function waitReady(service: Service, child: ChildProcess, readyPath: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(service.url + readyPath);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await stopChild(child);
  throw new Error(`${service.name} did not get ready at ${service.url}${readyPath}:\n${service.stderrTail()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface Memory {
  /** Current resident set size, MB. */
  rssMb: number;
  /** Peak resident set size since the process started (VmHWM), MB. */
  peakRssMb: number;
}

export function readMemory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024), peakRssMb: round(kb('VmHWM') / 1024) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
