// Phases 1, 2, 3b and the soak. The baseline and ONE API process run side by side: `me` on
// both in alternating slices (the ratio is the target), then the 90/10 mix and more of it on
// the API until it has seen >= 60 s of load; the API's RSS is sampled throughout.
import { watchCpu } from '../lib/cpu';
import { meRequests, mixRequests, runInterleaved, runLoad, type LoadOptions } from '../lib/load';
import { measurePhase, toUpstream } from '../lib/phase';
import { readMemory, type Service } from '../lib/processes';
import type { ApiMemory, PhaseResult } from '../lib/results';
import { sampleRss } from '../lib/rss-sampler';
import { addCounts, count, drainCounts, TOKEN_REQUESTS, USER_PATCHES, USER_READS, type Counts } from '../lib/tenant-client';
import { callMeForEveryUser, startApi } from './api-process';
import { startBaseline } from './baseline';
import type { RunContext } from './context';

const SLICES = 5;

export interface WarmRun {
  baseline: PhaseResult;
  phases: PhaseResult[];
  memory: ApiMemory;
  lifetime: { seconds: number; tokenRequests: number; userReads: number; userPatches: number };
}

async function baselineVersusWarm(ctx: RunContext, baseline: Service, api: Service, tally: Counts): Promise<PhaseResult[]> {
  const { settings, tokens, tenantUrl } = ctx;
  const base = { connections: settings.connections, requests: meRequests(tokens) };
  const targets: LoadOptions[] = [
    { ...base, url: baseline.url, durationS: settings.durationS },
    { ...base, url: api.url, durationS: settings.durationS },
  ];
  await callMeForEveryUser(api.url, tokens);
  for (const target of targets) await runLoad({ ...target, durationS: settings.warmupS });
  addCounts(tally, await drainCounts(tenantUrl));
  // Each server idles during the other's slices, so its CPU is divided by its own load time.
  const cpu = [watchCpu(baseline.pid), watchCpu(api.pid), watchCpu(ctx.tenantPid)] as const;
  const [baseStats, warmStats] = await runInterleaved(targets, SLICES);
  const counts = await drainCounts(tenantUrl);
  addCounts(tally, counts);
  if (!baseStats || !warmStats) throw new Error('interleaved run returned no stats');
  return [
    {
      id: 'baseline',
      title: 'baseline: bare Apollo 5 + Express 5, constant me',
      stats: baseStats,
      rssAfterMb: readMemory(baseline.pid).rssMb,
      cpu: { server: cpu[0].percentOver(baseStats.durationS), tenant: 0 },
    },
    {
      id: 'warm',
      title: `API me, ${tokens.length} users, warm caches`,
      stats: warmStats,
      upstream: toUpstream(counts, warmStats.requests),
      rssAfterMb: readMemory(api.pid).rssMb,
      cpu: { server: cpu[1].percentOver(warmStats.durationS), tenant: cpu[2].percentOver(warmStats.durationS) },
    },
  ];
}

function lifetimeOf(startedAt: number, tally: Counts): WarmRun['lifetime'] {
  return {
    seconds: Math.round((Date.now() - startedAt) / 1000),
    tokenRequests: count(tally, TOKEN_REQUESTS),
    userReads: count(tally, USER_READS),
    userPatches: count(tally, USER_PATCHES),
  };
}

export async function runApiWarm(ctx: RunContext): Promise<WarmRun> {
  const { settings, tenantUrl } = ctx;
  const baseline = await startBaseline();
  try {
    await drainCounts(tenantUrl);
    const startedAt = Date.now();
    const api = await startApi(ctx, 'API (warm)', { profileTtlS: settings.profileTtlS, updateRateLimitPerMinute: settings.updateRateLimitPerMinute });
    try {
      return await loadApi(ctx, { baseline, api, startedAt });
    } finally {
      await api.stop();
    }
  } finally {
    await baseline.stop();
  }
}

async function loadApi(ctx: RunContext, servers: { baseline: Service; api: Service; startedAt: number }): Promise<WarmRun> {
  const { settings, tenantUrl, tokens } = ctx;
  const { baseline, api } = servers;
  const tally: Counts = {};
  const atStart = readMemory(api.pid);
  const sampler = sampleRss(api.pid);
  try {
    const [basePhase, warm] = await baselineVersusWarm(ctx, baseline, api, tally);
    await baseline.stop();
    const load = { url: api.url, connections: settings.connections, requests: mixRequests(tokens) };
    const mix = await measurePhase(tenantUrl, tally, {
      id: 'mix',
      title: 'API 90 % me / 10 % updateProfile',
      load: { ...load, durationS: settings.durationS },
      serverPid: api.pid,
      tenantPid: ctx.tenantPid,
    });
    const soak = await measurePhase(tenantUrl, tally, {
      id: 'soak',
      title: 'API soak: more of the 90/10 mix',
      load: { ...load, durationS: settings.soakS },
      serverPid: api.pid,
      tenantPid: ctx.tenantPid,
    });
    const { samples, last } = sampler.stop();
    addCounts(tally, await drainCounts(tenantUrl));
    if (!basePhase || !warm) throw new Error('the baseline/warm comparison did not run');
    const loadSeconds = settings.warmupS + warm.stats.durationS + mix.stats.durationS + soak.stats.durationS;
    return {
      baseline: basePhase,
      phases: [warm, mix, soak],
      memory: {
        rssAtStartMb: atStart.rssMb,
        loadSeconds: Math.round(loadSeconds),
        rssAfterLoadMb: last.rssMb,
        peakRssMb: last.peakRssMb,
        maxSampledRssMb: Math.max(...samples, last.rssMb),
      },
      lifetime: lifetimeOf(servers.startedAt, tally),
    };
  } finally {
    sampler.cancel();
  }
}
