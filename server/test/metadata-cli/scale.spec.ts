import { readFileSync } from 'node:fs';
import { addUsers, allUsers, injectFault, readCounts, resetCounts, resetTenant, ROUTES } from 'local-auth0/testing';
import { jsonOutput, runCli, startCli, useCliTenant, type CliResult } from './cli-process';
import { driftSeed } from './drift-seed';

// 2,500 generated users (+ the 3 demo users): above Auth0's 1,000-record paging limit, so every
// run reads the tenant through a users-export job.
const seed = driftSeed(2500);
const cli = useCliTenant();

jest.setTimeout(180_000);

async function seedTenant(): Promise<void> {
  await resetTenant(cli.tenant.url);
  await addUsers(cli.tenant.url, seed.users);
}

/** user_id -> user_metadata of every user. */
async function metadataById(): Promise<Map<string, unknown>> {
  return new Map((await allUsers(cli.tenant.url)).map((u) => [u.user_id, u.user_metadata ?? {}]));
}

interface AuditJson { scanned: number; via: string; driftedUsers: number; drift: boolean; keys: { key: string; users: number; kind: string }[]; conflicts: { users: number; byField: Record<string, number> } }
interface RepairJson { patched: number; planned: number; conflictsLeft: unknown[]; patchedEarlier: number; stopped: boolean; requests: number; rateLimited: number }

const audit = async () => {
  const result = await runCli(cli.tenant.url, ['audit', '--json']);
  return { code: result.code, report: jsonOutput<AuditJson>(result) };
};
const repair = (...args: string[]) => runCli(cli.tenant.url, ['repair', '--json', '--checkpoint', cli.checkpoint, ...args]);


describe('metadata CLI on a tenant of 2,503 users', () => {
  it('audit counts what was seeded, through the export job (its download retried after a 500)', async () => {
    await seedTenant();
    await resetCounts(cli.tenant.url);
    await injectFault(cli.tenant.url, { route: ROUTES.downloadExport, status: 500 });
    const { code, report } = await audit();
    expect(code).toBe(1);
    expect(report).toMatchObject({ scanned: 2503, via: 'export job', drift: true, driftedUsers: seed.driftedUsers });
    expect(Object.fromEntries(report.keys.map((k) => [k.key, k.users]))).toEqual(seed.keyCounts);
    expect(report.conflicts).toMatchObject({ users: seed.conflictUsers, byField: seed.conflictsByField });
    const counts = await readCounts(cli.tenant.url);
    // One page to learn the total, then the job: created, polled until completed, downloaded (twice).
    expect(counts).toMatchObject({ [ROUTES.listUsers]: 1, [ROUTES.exportUsers]: 1, [ROUTES.getJob]: 2, [ROUTES.downloadExport]: 2 });
  });

  it('repair fixes everything but conflicts; --prefer canonical settles those; unrelated keys stay; a second repair sends 0 PATCHes', async () => {
    await resetCounts(cli.tenant.url);
    const first = jsonOutput<RepairJson>(await repair());
    expect(first).toMatchObject({ planned: seed.patchesWithoutPrefer, patched: seed.patchesWithoutPrefer, rateLimited: 0 });
    expect(first.conflictsLeft).toHaveLength(seed.conflictUsers);
    const counts = await readCounts(cli.tenant.url);
    expect(counts[ROUTES.patchUser]).toBe(seed.patchesWithoutPrefer);
    console.log(`2,503-user repair: ${JSON.stringify(counts)}; the CLI counted ${first.requests} Management API requests`);

    const between = await audit();
    expect(between.report.conflicts.users).toBe(seed.conflictUsers);

    const settled = jsonOutput<RepairJson>(await repair('--prefer', 'canonical'));
    expect(settled).toMatchObject({ patched: seed.conflictUsers, conflictsLeft: [] });
    const after = await audit();
    expect(after.code).toBe(0);
    expect(after.report).toMatchObject({ drift: false, driftedUsers: 0, conflicts: { users: 0 } });
    expect(after.report.keys.map((k) => k.kind)).toEqual(['unrelated', 'unrelated']);
    expect(await metadataById()).toEqual(seed.repaired);

    await resetCounts(cli.tenant.url);
    const again = jsonOutput<RepairJson>(await repair('--prefer', 'canonical'));
    expect(again.patched).toBe(0);
    expect((await readCounts(cli.tenant.url))[ROUTES.patchUser]).toBeUndefined();
  });

  async function interruptedRun(signal: 'SIGINT' | 'SIGKILL'): Promise<CliResult> {
    await seedTenant();
    const run = startCli(cli.tenant.url, ['repair', '--prefer', 'canonical', '--checkpoint', cli.checkpoint]);
    await run.waitForStderr(/progress: [1-9]\d{2,}\/\d+ users/);
    run.child.kill(signal);
    return run.done;
  }

  it.each(['SIGINT', 'SIGKILL'] as const)('repair stopped by %s mid-run and resumed ends as an uninterrupted run', async (signal) => {
    const stopped = await interruptedRun(signal);
    if (signal === 'SIGINT') {
      expect(stopped.code).toBe(130);
      expect(stopped.stdout).toMatch(/repair --resume/);
    } else {
      expect(stopped.signal).toBe('SIGKILL');
    }
    const recorded = readFileSync(cli.checkpoint, 'utf8').trim().split('\n').length - 1;
    expect(recorded).toBeGreaterThanOrEqual(100);
    const midway = await audit();
    expect(midway.report.driftedUsers).toBeGreaterThan(0);
    const resumed = jsonOutput<RepairJson>(await repair('--prefer', 'canonical', '--resume'));
    expect(resumed).toMatchObject({ stopped: false, patchedEarlier: recorded });
    // Every drifted user PATCHed once over both runs (SIGKILL may land one PATCH it never recorded).
    const total = seed.driftedUsers;
    expect(recorded + resumed.patched).toBeGreaterThanOrEqual(total - (signal === 'SIGKILL' ? 1 : 0));
    expect(recorded + resumed.patched).toBeLessThanOrEqual(total);
    expect(await metadataById()).toEqual(seed.repaired);
    expect((await audit()).code).toBe(0);
    expect(() => readFileSync(cli.checkpoint)).toThrow(/ENOENT/);
  });
});
