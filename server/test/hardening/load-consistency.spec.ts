// Bounded load-and-consistency run: ~30 s, 50 connections, `me` and `updateProfile` for 60 users at
// once against a real API and tenant. Afterwards every user's stored user_metadata (and the API's
// own answer) equals the last write the API acknowledged for that user, and nothing answered 5xx.
// Writes for one user are never in flight together, so "the last acknowledged write" is well defined;
// reads of that user run concurrently with its writes. A write that failed with UPSTREAM_UNAVAILABLE
// (a timeout on a busy machine) has an unknown outcome, as with real Auth0: the stored value may then
// be that write instead, and nothing else. Every such failure is counted and printed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import type { RunningServer } from '../../src';
import { gql, ME, UPDATE } from '../support/graphql';
import { readCounts, storedUser, userToken } from 'local-auth0/testing';
import { startApi } from '../support/stack';

const DURATION_MS = 30_000;
const CONNECTIONS = 50;
const EXTRA_USERS = 60;
jest.setTimeout(DURATION_MS + 60_000);

interface Names {
  firstName: string | null;
  lastName: string | null;
}

interface LoadUser {
  id: string;
  token: string;
  writing: boolean;
  acknowledged?: Names;
  /** Writes that failed after the last acknowledged one, whose outcome upstream is unknown. */
  unknownOutcome: Names[];
}

interface Tally {
  reads: number;
  writes: number;
  byStatus: Record<number, number>;
  errors: Record<string, number>;
  mismatchedAnswers: number;
}

/** The committed seed plus EXTRA_USERS social users (no password to hash), written to a temp file. */
function seedWithLoadUsers(dir: string): { file: string; ids: string[] } {
  const seed = JSON.parse(readFileSync(join(__dirname, '../../../local-auth0/seed.json'), 'utf8')) as { users: unknown[] };
  const ids = Array.from({ length: EXTRA_USERS }, (_, i) => `google-oauth2|load${String(i).padStart(4, '0')}`);
  seed.users.push(
    ...ids.map((id, i) => ({
      user_id: id,
      email: `load${i}@example.com`,
      email_verified: true,
      connection: 'google-oauth2',
      name: `Load User ${i}`,
      user_metadata: {},
    })),
  );
  const file = join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(seed));
  return { file, ids };
}

const expectedMetadata = (names: Names): Record<string, string> =>
  Object.fromEntries(Object.entries(names).filter((entry): entry is [string, string] => entry[1] !== null));

/** Round-robin over the users not being written right now, so every user gets writes. */
function nextIdleUser(users: LoadUser[], cursor: { at: number }): LoadUser | undefined {
  for (let tried = 0; tried < users.length; tried++) {
    const user = users[cursor.at++ % users.length] as LoadUser;
    if (!user.writing) return user;
  }
  return undefined;
}

async function oneOperation(api: RunningServer, user: LoadUser, write: boolean, label: string, tally: Tally) {
  if (!write) {
    const res = await gql(api.url, ME, { token: user.token });
    tally.reads++;
    record(tally, res.status, res.body.errors?.[0]?.extensions?.code);
    return;
  }
  user.writing = true;
  try {
    const names: Names = { firstName: `W${label}`, lastName: label.endsWith('0') ? null : `L${label}` };
    const res = await gql(api.url, UPDATE, { token: user.token, variables: { input: names } });
    tally.writes++;
    record(tally, res.status, res.body.errors?.[0]?.extensions?.code);
    const answer = res.body.data?.updateProfile as Names | undefined;
    if (!answer) {
      user.unknownOutcome.push(names);
      return;
    }
    if (answer.firstName !== names.firstName || answer.lastName !== names.lastName) tally.mismatchedAnswers++;
    user.acknowledged = names;
    user.unknownOutcome = [];
  } finally {
    user.writing = false;
  }
}

function record(tally: Tally, status: number, code: unknown) {
  tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
  if (code !== undefined) tally.errors[String(code)] = (tally.errors[String(code)] ?? 0) + 1;
}

describe('load and consistency', () => {
  let dir: string;
  let tenant: LocalAuth0;
  let api: RunningServer;
  let users: LoadUser[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hardening-load-'));
    const seed = seedWithLoadUsers(dir);
    tenant = await startLocalAuth0({ port: 0, stateFile: null, seedFile: seed.file });
    // The production upstream timeout (not the suites' short one): this run measures consistency, not faults.
    api = await startApi(tenant.url, { UPDATE_RATE_LIMIT_PER_MINUTE: '100000', AUTH0_TIMEOUT_MS: '4000' });
    users = await Promise.all(seed.ids.map(async (id) => ({ id, token: await userToken(tenant.url, { sub: id }), writing: false, unknownOutcome: [] })));
  });

  afterAll(async () => {
    await api?.close();
    await tenant?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every stored user_metadata equal to the last acknowledged write, with zero 5xx', async () => {
    const tally: Tally = { reads: 0, writes: 0, byStatus: {}, errors: {}, mismatchedAnswers: 0 };
    const cursor = { at: 0 };
    const deadline = Date.now() + DURATION_MS;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, worker) => {
        for (let seq = worker; Date.now() < deadline; seq++) {
          const writer = seq % 2 === 0 ? nextIdleUser(users, cursor) : undefined;
          const user = writer ?? (users[(seq * 7 + worker * 13) % users.length] as LoadUser);
          await oneOperation(api, user, writer !== undefined, `${worker}-${seq}`, tally);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const counts = await readCounts(tenant.url);
    console.log(
      `load run: ${tally.reads + tally.writes} operations (${tally.reads} me, ${tally.writes} updateProfile) ` +
        `for ${users.length} users over ${seconds.toFixed(1)} s with ${CONNECTIONS} connections; ` +
        `statuses ${JSON.stringify(tally.byStatus)}; errors ${JSON.stringify(tally.errors)}; tenant counts ${JSON.stringify(counts)}`,
    );

    const fiveXx = Object.entries(tally.byStatus).filter(([status]) => Number(status) >= 500);
    expect(fiveXx).toEqual([]);
    const { UPSTREAM_UNAVAILABLE: _timeouts = 0, ...otherErrors } = tally.errors;
    expect(otherErrors).toEqual({});
    expect(tally.mismatchedAnswers).toBe(0);
    expect(tally.writes).toBeGreaterThan(users.length);

    const written = users.filter((user) => user.acknowledged);
    expect(written.length).toBe(users.length);
    for (const user of written) {
      const stored = ((await storedUser(tenant.url, user.id)).user_metadata ?? {}) as Record<string, unknown>;
      const allowed = [user.acknowledged as Names, ...user.unknownOutcome].map(expectedMetadata);
      expect({ id: user.id, allowed: allowed.some((candidate) => isDeepStrictEqual(candidate, stored)) }).toEqual({ id: user.id, allowed: true });
      if (user.unknownOutcome.length === 0) expect(stored).toEqual(expectedMetadata(user.acknowledged as Names));
      // The API's own answer agrees with the store (a failed write dropped the cached copy).
      const me = (await gql(api.url, ME, { token: user.token })).body.data?.me as Names;
      expect({ id: user.id, firstName: me.firstName, lastName: me.lastName }).toEqual({
        id: user.id,
        firstName: stored.firstName ?? null,
        lastName: stored.lastName ?? null,
      });
    }
  });
});
