// What the hardening suites need beyond ../support: a tenant persisting to a temp state file (so a
// suite can read its signing keys) and per-route call counts. Not a test file itself.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { startStack, type Stack } from '../support/stack';
import { readCounts } from 'local-auth0/testing';

export interface PersistentStack extends Stack {
  stateFile: string;
}

/** Like support's stack, but the tenant keeps its state (signing keys included) in a temp file. */
export async function startPersistentStack(env: Record<string, string> = {}): Promise<PersistentStack> {
  const dir = mkdtempSync(join(tmpdir(), 'hardening-'));
  const stateFile = join(dir, 'state.json');
  const stack = await startStack(env, { tenant: { stateFile } });
  return {
    ...stack,
    stateFile,
    close: async () => {
      await stack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The tenant's current signing key (private JWK), as persisted in its state file. */
export function currentSigningKey(stateFile: string): JWK & { kid: string } {
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { keys: { current: { privateJwk: JWK & { kid: string } } } };
  return state.keys.current.privateJwk;
}

/** Calls of one tenant route since the last reset. */
export async function callsOf(tenantUrl: string, route: string): Promise<number> {
  return (await readCounts(tenantUrl))[route] ?? 0;
}

/** Token requests, user reads and writes: everything that spends the Management API budget. */
export async function managementCalls(tenantUrl: string): Promise<number> {
  const counts = await readCounts(tenantUrl);
  return ['POST /oauth/token', 'GET /api/v2/users/:id', 'PATCH /api/v2/users/:id'].reduce((sum, key) => sum + (counts[key] ?? 0), 0);
}
