// Phase 3a: `me` with empty caches. A fresh API process with its profile cache TTL at 0, so
// every `me` reads the user upstream, measured from the first request (no warm-up).
import { meRequests } from '../lib/load';
import { measurePhase } from '../lib/phase';
import type { PhaseResult } from '../lib/results';
import { count, drainCounts, TOKEN_REQUESTS, type Counts } from '../lib/tenant-client';
import { callMeForEveryUser, startApi } from './api-process';
import type { RunContext } from './context';

export interface ColdRun {
  phase: PhaseResult;
  lifetime: { seconds: number; tokenRequests: number };
}

export async function runApiCold(ctx: RunContext): Promise<ColdRun> {
  const { settings, tenantUrl, tokens } = ctx;
  await drainCounts(tenantUrl);
  const startedAt = Date.now();
  const api = await startApi(ctx, 'API (cold)', { profileTtlS: 0, updateRateLimitPerMinute: settings.updateRateLimitPerMinute });
  try {
    const tally: Counts = {};
    const firstPassMs = await callMeForEveryUser(api.url, tokens);
    const phase = await measurePhase(tenantUrl, tally, {
      id: 'cold',
      title: `API me, ${tokens.length} users, cold (profile TTL 0)`,
      load: { url: api.url, connections: settings.connections, requests: meRequests(tokens), durationS: settings.durationS },
      serverPid: api.pid,
      tenantPid: ctx.tenantPid,
    });
    return {
      phase: { ...phase, note: `first pass on a fresh process: ${tokens.length} concurrent me in ${Math.round(firstPassMs)} ms` },
      lifetime: { seconds: Math.round((Date.now() - startedAt) / 1000), tokenRequests: count(tally, TOKEN_REQUESTS) },
    };
  } finally {
    await api.stop();
  }
}
