import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalAuth0, type LocalAuth0, type LocalAuth0Options } from 'local-auth0';
import { addUsers, type AddedUser } from 'local-auth0/testing';
import { useRunning } from 'test-support/hooks';

// `npm run metadata` runs `node --import tsx src/metadata-cli/main.ts` in the server workspace;
// the tests run it the same way, as a child process, so exit codes and signals are real.
const SERVER_DIR = resolve(__dirname, '../..');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  child: ChildProcess;
  /** Resolves once stderr holds a line matching `pattern`. */
  waitForStderr(pattern: RegExp): Promise<void>;
  done: Promise<CliResult>;
}

export function startCli(tenantUrl: string, args: string[]): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/metadata-cli/main.ts', ...args], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH, AUTH0_DOMAIN: tenantUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const w of waiters.filter((w) => w.pattern.test(stderr))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const done = once(child, 'close').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null, stdout, stderr }));
  const waitForStderr = (pattern: RegExp) =>
    new Promise<void>((resolveWait, reject) => {
      if (pattern.test(stderr)) return resolveWait();
      waiters.push({ pattern, resolve: resolveWait });
      void done.then(() => reject(new Error(`the CLI exited before printing ${pattern}:\n${stderr}`)));
    });
  return { child, waitForStderr, done };
}

export function runCli(tenantUrl: string, args: string[]): Promise<CliResult> {
  return startCli(tenantUrl, args).done;
}

/** The JSON document a `--json` run printed on stdout. */
export function jsonOutput<T = Record<string, unknown>>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** A file's tenant for the CLI (seeded with `users`) and a checkpoint path in a temp folder (useRunning). */
export function useCliTenant(options: { tenant?: LocalAuth0Options; users?: readonly AddedUser[] } = {}): { readonly tenant: LocalAuth0; readonly checkpoint: string } {
  return useRunning(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metadata-cli-'));
    const tenant = await startLocalAuth0({ port: 0, stateFile: null, ...options.tenant });
    if (options.users) await addUsers(tenant.url, options.users);
    return {
      tenant,
      checkpoint: join(dir, 'checkpoint'),
      async close() {
        await tenant.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
}
