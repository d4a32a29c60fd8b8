// The local tenant's test controls the bench uses: counts and minted user tokens.
export type Counts = Record<string, number>;

export const TOKEN_REQUESTS = 'POST /oauth/token client_credentials';
export const USER_READS = 'GET /api/v2/users/:id';
export const USER_PATCHES = 'PATCH /api/v2/users/:id';

export async function readCounts(tenantUrl: string): Promise<Counts> {
  const response = await fetch(`${tenantUrl}/__local/counts`);
  if (!response.ok) throw new Error(`GET /__local/counts answered ${response.status}`);
  return (await response.json()) as Counts;
}

export async function resetCounts(tenantUrl: string): Promise<void> {
  const response = await fetch(`${tenantUrl}/__local/counts`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE /__local/counts answered ${response.status}`);
}

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

export async function mintToken(tenantUrl: string, sub: string): Promise<string> {
  const response = await fetch(`${tenantUrl}/__local/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, scope: 'openid profile email' }),
  });
  if (!response.ok) throw new Error(`POST /__local/tokens for ${sub} answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function mintTokens(tenantUrl: string, subs: readonly string[]): Promise<string[]> {
  const tokens: string[] = [];
  for (const sub of subs) tokens.push(await mintToken(tenantUrl, sub));
  return tokens;
}

export function count(counts: Counts, key: string): number {
  return counts[key] ?? 0;
}

/** Calls per 1,000 operations, one decimal. */
export function per1000(calls: number, operations: number): number {
  return operations === 0 ? 0 : Math.round((calls / operations) * 10_000) / 10;
}
