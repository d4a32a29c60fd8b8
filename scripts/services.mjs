// Child processes for the start scripts: launched with their output prefixed, each waited for
// until it answers. When any of them stops, or the script gets Ctrl-C / SIGTERM / SIGHUP, or the
// script's parent (npm) goes away, all of them stop, down to the last grandchild. Each runs under
// scripts/child-guard.mjs, which stops it when this script dies, even by kill -9.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

/** SIGTERM to SIGKILL; with the parent check below, the whole tree is gone within 5 s of a signal to npm. */
const GRACE_MS = 3000;
const PARENT_CHECK_MS = 250;
const GUARD = fileURLToPath(new URL('./child-guard.mjs', import.meta.url));
/** Running children; each leads its own process group, so a signal to `-pid` reaches its whole tree. */
const children = new Map();
const onStop = [];
let stopping = false;

export const isStopping = () => stopping;

/** Also run `callback` when everything stops (e.g. close an in-process proxy). */
export function whenStopping(callback) {
  onStop.push(callback);
}

function signalTree(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

export async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const callback of onStop) callback();
  const running = [...children.values()];
  for (const child of running) signalTree(child, 'SIGTERM');
  const exited = Promise.all(running.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((done) => child.once('exit', done)))));
  await Promise.race([exited, sleep(GRACE_MS)]);
  // Leaders that exited may leave grandchildren behind (npx does not pass signals on): sweep every group.
  for (const child of running) signalTree(child, 'SIGKILL');
  process.exit(code);
}

export function launch({ name, cmd, cwd, env, shell }) {
  const guarded = [GUARD, ...(shell ? ['--shell'] : []), ...cmd];
  const child = spawn(process.execPath, guarded, {
    cwd,
    detached: true,
    env: { ...process.env, ...env },
    // stdin: the guard's lifeline, never written to.
    stdio: ['pipe', 'pipe', 'pipe'],
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
    void stopAll(1);
  }
}

export async function waitFor(url, name, timeoutMs) {
  await waitUntil(async () => (await fetch(url)).ok, name, timeoutMs);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll(0));
// npm passes SIGINT and SIGTERM on but not SIGHUP, and dies of it: this script then has a new parent.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void stopAll(0);
}, PARENT_CHECK_MS).unref();
// Last resort (an exception in the script): no child may outlive it.
process.on('exit', () => {
  for (const child of children.values()) signalTree(child, 'SIGKILL');
});
