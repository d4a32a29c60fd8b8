import { allUsers } from 'local-auth0/testing';
import { jsonOutput, runCli, useCliTenant } from './cli-process';
import { driftSeed } from './drift-seed';

// A free tenant's Management API allowance: 2 requests/s with a burst of 10. About 60 drifted
// users make about 60 PATCHes, so the run takes about 25 s when it spends the whole allowance.
const RATE_PER_SECOND = 2;
const BURST = 10;
const seed = driftSeed(76, 'paced');

/** Management API answers the tenant sent while `recording`: when, and their status. */
const answers: { at: number; status: number }[] = [];
let recording = false;

jest.setTimeout(120_000);

// The request log names paths below their router's mount point (`/users`, `/jobs/…`).
const log = (line: string) => {
  const match = /^(?:GET|POST|PATCH) \/(?:users|jobs)\b\S* (\d{3}) /.exec(line);
  if (match && recording) answers.push({ at: Date.now(), status: Number(match[1]) });
};
const cli = useCliTenant({ tenant: { rateLimit: `${RATE_PER_SECOND}/s burst ${BURST}`, log }, users: seed.users });

it('repairs about 60 users on a 2/s burst-10 tenant with 0 failed requests at >= 90 % of the allowed rate', async () => {
  expect(seed.driftedUsers).toBeGreaterThanOrEqual(55);
  recording = true;
  const result = await runCli(cli.tenant.url, ['repair', '--prefer', 'canonical', '--json', '--checkpoint', cli.checkpoint]);
  recording = false;
  expect(result.code).toBe(0);
  const report = jsonOutput<{ patched: number; failed: unknown[]; rateLimited: number; requests: number; elapsedMs: number }>(result);
  expect(report).toMatchObject({ patched: seed.driftedUsers, failed: [], rateLimited: 0 });
  expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  expect(answers).toHaveLength(report.requests);

  // From the first answer to the last, the bucket allowed its burst plus 2 per second.
  const seconds = (answers.at(-1)!.at - answers[0]!.at) / 1000;
  const allowed = BURST + RATE_PER_SECOND * seconds;
  const share = answers.length / allowed;
  console.log(`paced repair: ${answers.length} requests in ${seconds.toFixed(1)} s (${(answers.length / seconds).toFixed(2)}/s), ${(share * 100).toFixed(1)} % of the ${allowed.toFixed(1)} allowed`);
  expect(share).toBeGreaterThanOrEqual(0.9);
  expect(await allUsers(cli.tenant.url).then((users) => new Map(users.map((u) => [u.user_id, u.user_metadata])))).toEqual(seed.repaired);
});
