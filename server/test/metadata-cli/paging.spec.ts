import { addUsers, allUsers, injectFault, readCounts, resetCounts, ROUTES, SEED_USERS } from 'local-auth0/testing';
import { jsonOutput, runCli, useCliTenant } from './cli-process';
import { driftSeed } from './drift-seed';

// A tenant below Auth0's 1,000-record paging limit: the CLI pages and never starts an export job.
const seed = driftSeed(297, 'small');

// Each CLI run is a process start (tsx) on a shared, loaded machine.
jest.setTimeout(60_000);

const cli = useCliTenant({ users: seed.users });

describe('metadata CLI on a tenant of 300 users', () => {
  it('audits by paging (3 pages of 100, no export job) and exits 1 on drift', async () => {
    await resetCounts(cli.tenant.url);
    const result = await runCli(cli.tenant.url, ['audit', '--json']);
    expect(result.code).toBe(1);
    const report = jsonOutput<{ scanned: number; via: string; conflicts: { users: number } }>(result);
    expect(report).toMatchObject({ scanned: 300, via: 'pages', conflicts: { users: seed.conflictUsers } });
    const counts = await readCounts(cli.tenant.url);
    expect(counts[ROUTES.listUsers]).toBe(3);
    expect(counts[ROUTES.exportUsers]).toBeUndefined();
  });

  it('prints the PATCHes with --dry-run and sends none', async () => {
    await resetCounts(cli.tenant.url);
    const result = await runCli(cli.tenant.url, ['repair', '--dry-run']);
    expect(result.code).toBe(0);
    const patches = result.stdout.split('\n').filter((line) => line.startsWith('PATCH '));
    expect(patches).toHaveLength(seed.patchesWithoutPrefer);
    expect(patches).toContain(`PATCH /api/v2/users/${encodeURIComponent(SEED_USERS.alan.id)} {"user_metadata":{"lastname":null,"lastName":"Turing"}}`);
    expect((await readCounts(cli.tenant.url))[ROUTES.patchUser]).toBeUndefined();
  });

  it('lists undeclared near-misses as drift; repair --verify leaves them alone and re-reads every PATCHed user', async () => {
    const nearMisses = { FirstName: 'Ann', 'last-name': 'Lee', lastNmae: 'Lee', firstname: 'Ann', colour: 'red' };
    await addUsers(cli.tenant.url, [{ user_id: 'auth0|near-miss', email: 'near@example.com', user_metadata: nearMisses }]);
    await resetCounts(cli.tenant.url);
    const report = jsonOutput<{ keys: { key: string; kind: string; field?: string; users: number }[] }>(await runCli(cli.tenant.url, ['audit', '--json']));
    const kinds = Object.fromEntries(report.keys.map((k) => [k.key, [k.kind, k.field]]));
    expect(kinds).toMatchObject({
      FirstName: ['near-miss', 'firstName'],
      'last-name': ['near-miss', 'lastName'],
      lastNmae: ['near-miss', 'lastName'],
      firstname: ['near-miss', 'firstName'],
      colour: ['unrelated', undefined],
      theme: ['unrelated', undefined],
      firstNAme: ['alias', 'firstName'],
      last_name: ['alias', 'lastName'],
    });
    const repair = await runCli(cli.tenant.url, ['repair', '--prefer', 'canonical', '--verify', '--json', '--checkpoint', cli.checkpoint]);
    expect(repair.code).toBe(0);
    // Every drifted user is PATCHed once and read back (--verify) showing what was written.
    expect(jsonOutput(repair)).toMatchObject({ patched: seed.driftedUsers, verified: seed.driftedUsers, unverified: [] });
    expect(await readCounts(cli.tenant.url)).toMatchObject({ [ROUTES.patchUser]: seed.driftedUsers, [ROUTES.getUser]: seed.driftedUsers });
    const stored = (await allUsers(cli.tenant.url)).find((u) => u.user_id === 'auth0|near-miss');
    expect(stored?.user_metadata).toEqual(nearMisses);
  });

  it('waits out 429s and retries 5xx reads, so no PATCH fails', async () => {
    await addUsers(cli.tenant.url, [{ user_id: 'auth0|late', email: 'late@example.com', user_metadata: { first_name: 'Late', theme: 'dark' } }]);
    await resetCounts(cli.tenant.url);
    await injectFault(cli.tenant.url, { route: ROUTES.listUsers, status: 503 });
    await injectFault(cli.tenant.url, { route: ROUTES.patchUser, status: 429, times: 2 });
    const result = await runCli(cli.tenant.url, ['repair', '--json', '--checkpoint', cli.checkpoint]);
    expect(result.code).toBe(0);
    expect(jsonOutput(result)).toMatchObject({ patched: 1, failed: [], rateLimited: 2 });
    expect(await readCounts(cli.tenant.url)).toMatchObject({ [ROUTES.patchUser]: 3, [ROUTES.listUsers]: 5 });
    expect((await allUsers(cli.tenant.url)).find((u) => u.user_id === 'auth0|late')?.user_metadata).toEqual({ firstName: 'Late', theme: 'dark' });
  });

  it('--verify reports a PATCH that answered 200 but did not stick, and exits 1', async () => {
    expect((await runCli(cli.tenant.url, ['repair', '--prefer', 'canonical', '--checkpoint', cli.checkpoint])).code).toBe(0);
    await addUsers(cli.tenant.url, [{ user_id: 'auth0|lost-write', email: 'lost@example.com', user_metadata: { lastname: 'Lost' } }]);
    await injectFault(cli.tenant.url, { route: ROUTES.patchUser, status: 200, body: { user_id: 'auth0|lost-write' } });
    const result = await runCli(cli.tenant.url, ['repair', '--verify', '--json', '--checkpoint', cli.checkpoint]);
    expect(result.code).toBe(1);
    expect(jsonOutput(result)).toMatchObject({ patched: 1, verified: 0, unverified: ['auth0|lost-write'] });
  });
});
