// Child processes for the start scripts: launched with their output prefixed, each waited for
// until it answers, all stopped together when one exits or on Ctrl-C.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const children = [];
const onStop = [];
let stopping = false;

export const isStopping = () => stopping;

/** Also run `callback` when everything stops (e.g. close an in-process proxy). */
export function whenStopping(callback) {
  onStop.push(callback);
}

export function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const callback of onStop) callback();
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}

export function launch({ name, cmd, cwd, env }) {
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
  return child;
}

/** Polls `check` (true once ready) until it holds; stops everything after `timeoutMs`. */
export async function waitUntil(check, name, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await sleep(300);
  }
  if (!stopping) {
    console.error(`[${name}] did not get ready in time; stopping.`);
    stopAll(1);
  }
}

export async function waitFor(url, name, timeoutMs) {
  await waitUntil(async () => (await fetch(url)).ok, name, timeoutMs);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
