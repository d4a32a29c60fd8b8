// Phases 2, 3b and the soak on ONE API process: warm `me` for every user, then the 90/10 mix,
// then more mix until the process has seen >= 60 s of load; RSS sampled throughout.
import { meRequests, mixRequests, runLoad } from '../lib/load';
import { measurePhase } from '../lib/phase';
import { readMemory } from '../lib/processes';
import type { ApiMemory, PhaseResult } from '../lib/results';
import { sampleRss } from '../lib/rss-sampler';
import { addCounts, count, drainCounts, TOKEN_REQUESTS, USER_READS, type Counts } from '../lib/tenant-client';
import { callMeForEveryUser, startApi } from './api-process';
import type { RunContext } from './context';

export interface WarmRun {
  phases: PhaseResult[];
  memory: ApiMemory;
  lifetime: { seconds: number; tokenRequests: number; userReads: number };
}

export async function runApiWarm(ctx: RunContext): Promise<WarmRun> {
  const { settings, tenantUrl, tokens } = ctx;
  await drainCounts(tenantUrl);
  const startedAt = Date.now();
  const api = await startApi(ctx, 'API (warm)', { profileTtlS: settings.profileTtlS });
  const tally: Counts = {};
  const atStart = readMemory(api.pid);
  const sampler = sampleRss(api.pid);
  try {
    const loadStarted = Date.now();
    await callMeForEveryUser(api.url, tokens);
    const load = { url: api.url, connections: settings.connections };
    await runLoad({ ...load, requests: meRequests(tokens), durationS: settings.warmupS });
    const warm = await measurePhase(tenantUrl, tally, {
      id: 'warm',
      title: `API me, ${tokens.length} users, warm caches`,
      load: { ...load, requests: meRequests(tokens), durationS: settings.durationS },
      serverPid: api.pid,
    });
    const mix = await measurePhase(tenantUrl, tally, {
      id: 'mix',
      title: 'API 90 % me / 10 % updateProfile',
      load: { ...load, requests: mixRequests(tokens), durationS: settings.durationS },
      serverPid: api.pid,
    });
    const soak = await measurePhase(tenantUrl, tally, {
      id: 'soak',
      title: 'API soak: more of the 90/10 mix',
      load: { ...load, requests: mixRequests(tokens), durationS: settings.soakS },
      serverPid: api.pid,
    });
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const { samples, last } = sampler.stop();
    addCounts(tally, await drainCounts(tenantUrl));
    return {
      phases: [warm, mix, soak],
      memory: {
        rssAtStartMb: atStart.rssMb,
        loadSeconds: Math.round(loadSeconds),
        rssAfterLoadMb: last.rssMb,
        peakRssMb: last.peakRssMb,
        maxSampledRssMb: Math.max(...samples, last.rssMb),
      },
      lifetime: {
        seconds: Math.round((Date.now() - startedAt) / 1000),
        tokenRequests: count(tally, TOKEN_REQUESTS),
        userReads: count(tally, USER_READS),
      },
    };
  } finally {
    sampler.cancel();
    await api.stop();
  }
}
