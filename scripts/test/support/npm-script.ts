// Runs `npm start` / `npm run start:replicas` as a developer does, and checks that the whole
// process tree it made is gone after a signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { alive, descendants, eventually, listening } from './processes';

const ROOT = join(__dirname, '../../..');
/** A parent that, like npx, does not pass signals on to the child that listens on APP_PORT. */
const STAND_IN = join(__dirname, '../fixtures/app-stand-in.mjs');
export const STAND_IN_CMD = `"${process.execPath}" "${STAND_IN}"`;

export interface RunningScript {
  npm: ChildProcess;
  /** Every process below npm once everything was up. */
  tree: number[];
  output: () => string;
  exited: Promise<void>;
}

export async function runNpmScript(script: string, env: Record<string, string>, readyText: string, timeoutMs = 120_000, args: string[] = []): Promise<RunningScript> {
  const npm = spawn('npm', ['run', '--silent', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOCAL_AUTH0_STATE: 'memory', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => npm.once('exit', () => done()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run ${script} did not come up:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    npm.stdout!.on('data', read);
    npm.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`npm run ${script} exited early:\n${output}`)));
  });
  return { npm, tree: descendants(npm.pid!), output: () => output, exited };
}

/** Waits up to `timeoutMs` for npm, every process it made and every port to be gone; says what is left. */
export async function leftRunning(run: RunningScript, ports: number[], timeoutMs: number): Promise<{ processes: number[]; ports: number[] }> {
  const pids = [run.npm.pid!, ...run.tree];
  const stillListening = async () => (await Promise.all(ports.map(listening))).some(Boolean);
  await eventually(async () => !pids.some(alive) && !(await stillListening()), timeoutMs);
  const open = await Promise.all(ports.map(listening));
  return { processes: pids.filter(alive), ports: ports.filter((_, i) => open[i]) };
}

/** Kills whatever a failed test left behind. */
export function killAll(run: RunningScript | undefined): void {
  for (const pid of [run?.npm.pid, ...(run?.tree ?? [])]) {
    try {
      if (pid) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
