import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startTenant } from './helpers';

const MAIN = join(__dirname, '../src/main.ts');
const TSX = require.resolve('tsx/cli');

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the CLI until `until` appears on stdout (then stops it with SIGTERM) or it exits by itself. */
function runCli(env: Record<string, string>, until?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { code: null, stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString();
      if (until && run.stdout.includes(until)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ...run, code }));
  });
}

describe('the local-auth0 command', () => {
  it('prints its URL, issuer, client ids and demo logins, and says it is loopback only', async () => {
    const run = await runCli({ LOCAL_AUTH0_PORT: '0', LOCAL_AUTH0_STATE: 'memory' }, 'grace@example.com');
    expect(run.stdout).toMatch(/tenant on http:\/\/localhost:\d+ \(bound to loopback only/);
    expect(run.stdout).toMatch(/issuer: +http:\/\/localhost:\d+\//);
    expect(run.stdout).toContain('local-spa');
    expect(run.stdout).toContain('local-management');
    expect(run.stdout).toContain('ada@example.com / Ada-Lovelace-1815');
  }, 30_000);

  it('takes its public host and the app URLs it allows from the environment', async () => {
    const env = { LOCAL_AUTH0_PORT: '0', LOCAL_AUTH0_STATE: 'memory', LOCAL_AUTH0_PUBLIC_HOST: '127.0.0.1', LOCAL_AUTH0_SPA_URLS: 'http://localhost:5020' };
    const run = await runCli(env, 'grace@example.com');
    expect(run.stdout).toMatch(/issuer: +http:\/\/127\.0\.0\.1:\d+\//);
    expect(run.stdout).toContain('local-spa (callbacks, logout URLs and web origins: http://localhost:5020)');
  }, 30_000);

  it('refuses a public host other than localhost or 127.0.0.1, naming the variable', async () => {
    const run = await runCli({ LOCAL_AUTH0_PORT: '0', LOCAL_AUTH0_STATE: 'memory', LOCAL_AUTH0_PUBLIC_HOST: '0.0.0.0' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('LOCAL_AUTH0_PUBLIC_HOST must be "localhost" or "127.0.0.1"');
  }, 30_000);

  it('exits with a clear message when the port is in use', async () => {
    const tenant = await startTenant();
    try {
      const run = await runCli({ LOCAL_AUTH0_PORT: String(tenant.port), LOCAL_AUTH0_STATE: 'memory' });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Port ${tenant.port} is already in use`);
    } finally {
      await tenant.close();
    }
  }, 30_000);

  it('exits with a clear message for a bad LOCAL_AUTH0_RATE_LIMIT', async () => {
    const run = await runCli({ LOCAL_AUTH0_PORT: '0', LOCAL_AUTH0_STATE: 'memory', LOCAL_AUTH0_RATE_LIMIT: 'lots' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Rate limit "lots" is not understood');
  }, 30_000);
});
