#!/usr/bin/env node
// Runs one service for the start scripts and dies with them. Its stdin is a pipe from the start
// script that nobody writes to: the kernel closes it however that script ends, kill -9 included.
// On that end-of-file the guard stops its whole process group (it leads one: the start script
// spawns it detached), so the service and every grandchild go: SIGTERM, then SIGKILL once the
// service has exited or after GRACE_MS.
//
//   node scripts/child-guard.mjs [--shell] command [args...]
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const GRACE_MS = 3000;
const shell = process.argv[2] === '--shell';
const [command, ...args] = process.argv.slice(shell ? 3 : 2);

let orphaned = false;
const killGroup = (signal) => {
  try {
    process.kill(0, signal);
  } catch {
    // nothing left to signal
  }
};

const child = spawn(command, args, { shell, stdio: ['ignore', 'inherit', 'inherit'] });
child.on('error', (error) => {
  console.error(`cannot run ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  if (orphaned) killGroup('SIGKILL');
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});

// The start script signals the whole group; the service decides when to exit and the guard follows.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => undefined);

function parentGone() {
  if (orphaned) return;
  orphaned = true;
  killGroup('SIGTERM');
  setTimeout(() => killGroup('SIGKILL'), GRACE_MS);
}
process.stdin.on('end', parentGone).on('close', parentGone).on('error', parentGone);
process.stdin.resume();
