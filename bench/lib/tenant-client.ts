// What the bench adds to the tenant's shared test-control client (local-auth0/testing):
// counts drained per phase and summed over a server's life, and one token per user.
import { readCounts, resetCounts, ROUTES, userToken, type Counts } from 'local-auth0/testing';

export type { Counts };

export const TOKEN_REQUESTS = ROUTES.clientCredentials;
export const USER_READS = ROUTES.getUser;
export const USER_PATCHES = ROUTES.patchUser;

// Requests the load generator cut off at the end of a phase are still being served (a read
// whose PATCH has not gone out yet); counts are read once they have settled.
const SETTLE_MS = 500;

/** Counts since the last drain, then zeroed: call only while no load runs. */
export async function drainCounts(tenantUrl: string): Promise<Counts> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const counts = await readCounts(tenantUrl);
  await resetCounts(tenantUrl);
  return counts;
}

/** Adds `counts` into `into` (a running total over several phases). */
export function addCounts(into: Counts, counts: Counts): Counts {
  for (const [key, value] of Object.entries(counts)) into[key] = (into[key] ?? 0) + value;
  return into;
}

/** One access token per user, as the SPA's login would get it. */
export async function mintTokens(tenantUrl: string, subs: readonly string[]): Promise<string[]> {
  const tokens: string[] = [];
  for (const sub of subs) tokens.push(await userToken(tenantUrl, { sub, scope: 'openid profile email read:profile update:profile' }));
  return tokens;
}

export function count(counts: Counts, key: string): number {
  return counts[key] ?? 0;
}

/** Calls per 1,000 operations, one decimal. */
export function per1000(calls: number, operations: number): number {
  return operations === 0 ? 0 : Math.round((calls / operations) * 10_000) / 10;
}
