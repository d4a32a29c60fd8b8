import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListenError, SeedError, startLocalAuth0, StateFileError } from '../src/index';
import { ADA, json, managementToken, userPath } from './helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-auth0-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function patchAda(url: string, token: string, body: unknown) {
  return fetch(`${url}/api/v2/users/${encodeURIComponent(ADA)}`, {
    method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
}

describe('state file', () => {
  it('keeps users and signing keys across a restart', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startLocalAuth0({ port: 0, stateFile });
    const token = await managementToken(first);
    expect((await patchAda(first.url, token, { user_metadata: { lastName: 'King' } })).status).toBe(200);
    const kids = (await json<{ keys: { kid: string }[] }>(await fetch(`${first.url}/.well-known/jwks.json`))).keys.map((k) => k.kid);
    await first.close();

    const second = await startLocalAuth0({ port: 0, stateFile });
    try {
      const user = await json(await fetch(userPath(second, ADA), { headers: { authorization: `Bearer ${await managementToken(second)}` } }));
      expect(user.user_metadata).toEqual({ firstName: 'Ada', lastName: 'King' });
      const kidsAfter = (await json<{ keys: { kid: string }[] }>(await fetch(`${second.url}/.well-known/jwks.json`))).keys.map((k) => k.kid);
      expect(kidsAfter).toEqual(kids);
    } finally {
      await second.close();
    }
  });

  it('writes through a temp file and leaves no temp file behind', async () => {
    const stateFile = join(dir, 'state.json');
    const tenant = await startLocalAuth0({ port: 0, stateFile });
    await patchAda(tenant.url, await managementToken(tenant), { nickname: 'countess' });
    await tenant.close();
    expect(readdirSync(dir)).toEqual(['state.json']);
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { users: { nickname?: string }[] };
    expect(saved.users[0]?.nickname).toBe('countess');
    expect(readFileSync(stateFile, 'utf8')).not.toContain('Ada-Lovelace-1815');
  });

  it("removes the temp files of a tenant killed mid-write (kill -9), not those of a live one", async () => {
    const stateFile = join(dir, 'state.json');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, `state.json.${dead}.tmp`), '{"half":');
    writeFileSync(join(dir, `state.json.${process.ppid}.tmp`), '{"busy":');
    writeFileSync(join(dir, 'other.json.1.tmp'), 'not ours');
    const tenant = await startLocalAuth0({ port: 0, stateFile });
    await tenant.close();
    expect(readdirSync(dir).sort()).toEqual(['other.json.1.tmp', 'state.json', `state.json.${process.ppid}.tmp`]);
  });

  it('refuses to start on a corrupt state file, naming it, and leaves the file untouched', async () => {
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, '{"version":1,"users":[');
    const error = await startLocalAuth0({ port: 0, stateFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toContain(stateFile);
    expect((error as Error).message).toMatch(/corrupt/);
    expect(readFileSync(stateFile, 'utf8')).toBe('{"version":1,"users":[');
  });

  it('refuses a JSON file that is not a tenant state', async () => {
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, '{"hello":"world"}');
    await expect(startLocalAuth0({ port: 0, stateFile })).rejects.toThrow(/not a tenant state/);
  });

  it('keeps nothing on disk in memory mode', async () => {
    const tenant = await startLocalAuth0({ port: 0, stateFile: null, seedFile: undefined });
    await tenant.close();
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
  });
});

describe('start-up errors', () => {
  it('names the field of a bad seed file', async () => {
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify({ clients: [{ clientId: 'x', name: 'x', type: 'desktop' }], resourceServers: [], users: [] }));
    const error = await startLocalAuth0({ port: 0, stateFile: null, seedFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as Error).message).toBe(`The seed file ${seedFile} is invalid: clients[0].type must be "spa" or "m2m"`);
  });

  it('says which port is in use', async () => {
    const first = await startLocalAuth0({ port: 0, stateFile: null });
    try {
      const error = await startLocalAuth0({ port: first.port, stateFile: null }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ListenError);
      expect((error as Error).message).toMatch(new RegExp(`Port ${first.port} is already in use`));
    } finally {
      await first.close();
    }
  });

  it('refuses a rate limit it does not understand', async () => {
    await expect(startLocalAuth0({ port: 0, stateFile: null, rateLimit: 'fast' })).rejects.toThrow(/Rate limit "fast" is not understood/);
  });

  it('replaces the SPA URLs with spaUrls for apps on other ports', async () => {
    const tenant = await startLocalAuth0({ port: 0, stateFile: null, spaUrls: ['http://localhost:4300'] });
    try {
      const preflight = await fetch(`${tenant.url}/oauth/token`, { method: 'OPTIONS', headers: { origin: 'http://localhost:4300', 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:4300');
    } finally {
      await tenant.close();
    }
  });
});
