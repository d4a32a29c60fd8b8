// The Redis phases. (1) Warm `me` on the API with REDIS_URL against the same API without it, side
// by side in alternating slices: the ratio is what shared state costs. (2) Two replicas sharing
// one Redis under the 90/10 mix, the load spread over both, with the fleet's upstream calls per
// 1,000 operations (token requests, user reads, PATCHes).
import { startRedis, type TestRedis } from 'test-support';
import { watchCpu } from '../lib/cpu';
import { meRequests, mixRequests, runInterleaved, runLoad, type LoadStats } from '../lib/load';
import { toUpstream, withUpdateCost } from '../lib/phase';
import { readMemory, type Service } from '../lib/processes';
import type { PhaseResult } from '../lib/results';
import { drainCounts } from '../lib/tenant-client';
import { callMeForEveryUser, startApi, type ApiOptions } from './api-process';
import type { RunContext } from './context';

const SLICES = 5;

function apiOptions(ctx: RunContext, redis?: TestRedis): ApiOptions {
  const { settings } = ctx;
  return { profileTtlS: settings.profileTtlS, updateRateLimitPerMinute: settings.updateRateLimitPerMinute, env: redis ? { REDIS_URL: redis.url } : {} };
}

async function withServices<T>(starts: Promise<Service>[], run: (services: Service[]) => Promise<T>): Promise<T> {
  const services = await Promise.all(starts);
  try {
    return await run(services);
  } finally {
    await Promise.all(services.map((service) => service.stop()));
  }
}

async function redisVersusInProcess(ctx: RunContext, redis: TestRedis): Promise<PhaseResult> {
  const { settings, tokens, tenantUrl } = ctx;
  const starts = [startApi(ctx, 'API (no Redis)', apiOptions(ctx)), startApi(ctx, 'API (Redis)', apiOptions(ctx, redis))];
  return withServices(starts, async ([plain, shared]) => {
    const targets = [plain!, shared!].map((api) => ({ url: api.url, connections: settings.connections, requests: meRequests(tokens), durationS: settings.durationS }));
    for (const target of targets) {
      await callMeForEveryUser(target.url, tokens);
      await runLoad({ ...target, durationS: settings.warmupS });
    }
    await drainCounts(tenantUrl);
    const cpu = watchCpu(shared!.pid);
    const [plainStats, sharedStats] = await runInterleaved(targets, SLICES);
    const counts = await drainCounts(tenantUrl);
    if (!plainStats || !sharedStats) throw new Error('interleaved run returned no stats');
    const ratio = Math.round((sharedStats.reqPerSec / plainStats.reqPerSec) * 100) / 100;
    return {
      id: 'warm-redis',
      title: `API me with REDIS_URL, ${tokens.length} users, warm`,
      stats: sharedStats,
      upstream: toUpstream(counts, sharedStats.requests + plainStats.requests),
      rssAfterMb: readMemory(shared!.pid).rssMb,
      cpu: { server: cpu.percentOver(sharedStats.durationS), tenant: 0 },
      note: `${ratio} x the same API without Redis in the same run (${plainStats.reqPerSec} req/s, p99 ${plainStats.p99Ms} ms; target >= 0.95)`,
    };
  });
}

/** Two loads run at once, one per replica: requests add up, the worse p99 counts. */
function combined(parts: LoadStats[]): LoadStats {
  const sum = (pick: (stats: LoadStats) => number) => parts.reduce((total, stats) => total + pick(stats), 0);
  const durationS = Math.max(...parts.map((stats) => stats.durationS));
  return {
    requests: sum((s) => s.requests),
    durationS,
    reqPerSec: Math.round(sum((s) => s.requests) / durationS),
    p50Ms: Math.max(...parts.map((stats) => stats.p50Ms)),
    p99Ms: Math.max(...parts.map((stats) => stats.p99Ms)),
    errors: sum((s) => s.errors),
    non2xx: sum((s) => s.non2xx),
    graphqlErrors: sum((s) => s.graphqlErrors),
  };
}

async function twoReplicasMix(ctx: RunContext, redis: TestRedis): Promise<PhaseResult> {
  const { settings, tokens, tenantUrl } = ctx;
  const starts = [startApi(ctx, 'replica 1', apiOptions(ctx, redis)), startApi(ctx, 'replica 2', apiOptions(ctx, redis))];
  return withServices(starts, async (replicas) => {
    const connections = Math.max(1, Math.round(settings.connections / replicas.length));
    // Warm like the single-API mix: each replica has its Management token, Redis every profile.
    for (const replica of replicas) await callMeForEveryUser(replica.url, tokens);
    await drainCounts(tenantUrl);
    const cpu = replicas.map((replica) => watchCpu(replica.pid));
    let answered = 0;
    const countAnswer = () => (answered += 1);
    const stats = combined(
      await Promise.all(replicas.map((replica) => runLoad({ url: replica.url, connections, requests: mixRequests(tokens, countAnswer), durationS: settings.durationS }))),
    );
    const counts = await drainCounts(tenantUrl);
    return withUpdateCost({
      id: 'replicas-mix',
      title: 'two replicas + Redis, 90 % me / 10 % updateProfile, load on both',
      stats,
      upstream: toUpstream(counts, stats.requests),
      rssAfterMb: Math.max(...replicas.map((replica) => readMemory(replica.pid).rssMb)),
      cpu: { server: Math.round(cpu.reduce((total, watch) => total + watch.percentOver(stats.durationS), 0)), tenant: 0 },
      note: `fleet of 2 replicas, ${connections} connections each; upstream calls per 1,000 operations for the whole fleet`,
    }, answered, connections * replicas.length);
  });
}

export async function runApiRedis(ctx: RunContext): Promise<PhaseResult[]> {
  const redis = await startRedis();
  try {
    return [await redisVersusInProcess(ctx, redis), await twoReplicasMix(ctx, redis)];
  } finally {
    await redis.close();
  }
}
