import { gunzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ManagementClient } from 'auth0';
import { Auth0UnavailableError } from '../auth0/errors';
import { Pacer } from './pace';

/** What the CLI needs of a user. */
export interface UserRecord {
  user_id: string;
  user_metadata: Record<string, unknown>;
}

export interface WalkResult {
  users: UserRecord[];
  via: 'pages' | 'export job';
}

export interface WalkOptions {
  /** First pause between two polls of the export job; grows to `maxPollMs`. */
  pollMs?: number;
  maxPollMs?: number;
  downloadTimeoutMs?: number;
  /** First pause before downloading the export again after a failure. */
  retryBackoffMs?: number;
  onStatus?: (line: string) => void;
}

/** Auth0 pages through the first 1,000 users only; above that, the users-export job reads them all. */
const PAGED_LIMIT = 1000;
const PER_PAGE = 100;

function toRecord(value: unknown): UserRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { user_id: userId, user_metadata: metadata } = value as Record<string, unknown>;
  if (typeof userId !== 'string') return undefined;
  const isObject = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata);
  return { user_id: userId, user_metadata: isObject ? (metadata as Record<string, unknown>) : {} };
}

const records = (values: readonly unknown[]) => values.map(toRecord).filter((u): u is UserRecord => u !== undefined);

async function listPage(client: ManagementClient, pacer: Pacer, page: number) {
  return pacer.send(async () => {
    const result = await client.users.list({ page, per_page: PER_PAGE, include_totals: true, fields: 'user_id,user_metadata', include_fields: true });
    const total = (result.response as { total?: unknown }).total;
    return { data: { users: records(result.data), total: typeof total === 'number' ? total : undefined }, headers: result.rawResponse.headers };
  });
}

async function exportAll(client: ManagementClient, pacer: Pacer, options: WalkOptions): Promise<UserRecord[]> {
  const fields = [{ name: 'user_id' }, { name: 'user_metadata' }];
  const created = await pacer.send(async () => {
    const { data, rawResponse } = await client.jobs.usersExports.create({ format: 'json', fields }).withRawResponse();
    return { data, headers: rawResponse.headers };
  });
  options.onStatus?.(`export job ${created.id} ${created.status}`);
  let pollMs = options.pollMs ?? 500;
  for (;;) {
    const job = await pacer.send(async () => {
      const { data, rawResponse } = await client.jobs.get(created.id).withRawResponse();
      return { data, headers: rawResponse.headers };
    });
    if (job.status === 'completed' && job.location) return download(job.location, options);
    if (job.status === 'failed') throw new Error(`The users-export job ${created.id} failed${job.status_details ? `: ${job.status_details}` : ''}`);
    options.onStatus?.(`export job ${created.id} ${job.status}`);
    await sleep(pollMs);
    pollMs = Math.min(pollMs * 1.5, options.maxPollMs ?? 5000);
  }
}

/**
 * The job's file: gzipped, one JSON object per line. Its URL is signed, so no token goes with it.
 * It is not the Management API, so its retries (5xx, network) have a pacer of their own.
 */
async function download(location: string, options: WalkOptions): Promise<UserRecord[]> {
  const body = await new Pacer({ backoffMs: options.retryBackoffMs }).send(async () => {
    const response = await fetch(location, { signal: AbortSignal.timeout(options.downloadTimeoutMs ?? 120_000) });
    if (!response.ok) throw new Auth0UnavailableError('status', response.status);
    return { data: Buffer.from(await response.arrayBuffer()), headers: new Headers() };
  });
  const text = gunzipSync(body).toString('utf8');
  return records(text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown));
}

/** Every user of the tenant (user_id and user_metadata): pages for up to 1,000 users, else the export job. */
export async function walkUsers(client: ManagementClient, pacer: Pacer, options: WalkOptions = {}): Promise<WalkResult> {
  const first = await listPage(client, pacer, 0);
  const total = first.total ?? 0;
  if (total > PAGED_LIMIT) return { users: await exportAll(client, pacer, options), via: 'export job' };
  const users = [...first.users];
  for (let page = 1; users.length < total && page * PER_PAGE < PAGED_LIMIT; page += 1) {
    const next = await listPage(client, pacer, page);
    if (next.users.length === 0) break;
    users.push(...next.users);
  }
  return { users, via: 'pages' };
}
