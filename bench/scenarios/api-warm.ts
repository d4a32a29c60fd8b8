// Phases 1, 2, 3b and the soak. The reference servers (scenarios/baseline.ts: bare Apollo on
// Express 5, the baseline; bare Apollo on Fastify 5; bare Mercurius with and without JIT; the
// node:http ceiling) and ONE API process run side by side: `me` on all of them in alternating
// slices, at each connection count (the ratios are the targets), then the 90/10 mix and more of it
// on the API until it has seen >= 60 s of load; the API's RSS is sampled throughout.
import { watchCpu } from '../lib/cpu';
import { meRequests, mixRequests, runInterleaved, runLoad, type LoadOptions } from '../lib/load';
import { measurePhase, toUpstream, withUpdateCost } from '../lib/phase';
import { readMemory, type Service } from '../lib/processes';
import type { ApiMemory, PhaseResult } from '../lib/results';
import { sampleRss } from '../lib/rss-sampler';
import { addCounts, count, drainCounts, TOKEN_REQUESTS, USER_PATCHES, USER_READS, type Counts } from '../lib/tenant-client';
import { callMeForEveryUser, startApi } from './api-process';
import { REFERENCES, startReferences, stopReferences, type ReferenceName, type ReferenceServers } from './baseline';
import type { RunContext } from './context';

const SLICES = 5;

/** One comparison at one connection count: every reference row and the warm API. */
export type Comparison = { connections: number; warm: PhaseResult } & Record<ReferenceName, PhaseResult>;

export interface WarmRun {
  comparisons: Comparison[];
  /** The 90/10 mix and the soak. */
  phases: PhaseResult[];
  memory: ApiMemory;
  lifetime: { seconds: number; tokenRequests: number; userReads: number; userPatches: number };
}

interface Servers {
  references: ReferenceServers;
  api: Service;
  startedAt: number;
}

async function compareAt(ctx: RunContext, servers: Servers, connections: number, tally: Counts): Promise<Comparison> {
  const { settings, tokens, tenantUrl } = ctx;
  const order = [...REFERENCES.map((spec) => servers.references[spec.name]), servers.api];
  const base = { connections, requests: meRequests(tokens) };
  const targets: LoadOptions[] = order.map((server) => ({ ...base, url: server.url, durationS: settings.durationS }));
  for (const target of targets) await runLoad({ ...target, durationS: settings.warmupS });
  addCounts(tally, await drainCounts(tenantUrl));
  // Each server idles during the others' slices, so its CPU is divided by its own load time.
  const cpu = order.map((server) => watchCpu(server.pid));
  const tenantCpu = watchCpu(ctx.tenantPid);
  const stats = await runInterleaved(targets, SLICES);
  const counts = await drainCounts(tenantUrl);
  addCounts(tally, counts);
  const at = `${connections} connections`;
  const phaseOf = (i: number, id: string, title: string): PhaseResult => {
    const phaseStats = stats[i];
    const server = order[i];
    if (!phaseStats || !server) throw new Error('interleaved run returned no stats');
    return { id: `${id}-${connections}`, title: `${title}, ${at}`, stats: phaseStats, rssAfterMb: readMemory(server.pid).rssMb, cpu: { server: cpu[i]!.percentOver(phaseStats.durationS), tenant: 0 } };
  };
  const references = Object.fromEntries(REFERENCES.map((spec, i) => [spec.name, phaseOf(i, spec.name, spec.title)])) as Record<ReferenceName, PhaseResult>;
  const warm = phaseOf(REFERENCES.length, 'warm', `API me, ${tokens.length} users, warm caches`);
  warm.upstream = toUpstream(counts, warm.stats.requests);
  warm.cpu = { server: warm.cpu!.server, tenant: tenantCpu.percentOver(warm.stats.durationS) };
  return { connections, ...references, warm };
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
  const references = await startReferences();
  try {
    await drainCounts(tenantUrl);
    const startedAt = Date.now();
    const api = await startApi(ctx, 'API (warm)', { profileTtlS: settings.profileTtlS, updateRateLimitPerMinute: settings.updateRateLimitPerMinute });
    try {
      return await loadApi(ctx, { references, api, startedAt });
    } finally {
      await api.stop();
    }
  } finally {
    await stopReferences(references);
  }
}

/** The 90/10 mix, then more of it (the soak; skipped when BENCH_SOAK is 0), each noted with what one update cost upstream. */
async function runMix(ctx: RunContext, api: Service, tally: Counts): Promise<PhaseResult[]> {
  const { settings, tokens, tenantUrl } = ctx;
  let answered = 0;
  const load = { url: api.url, connections: settings.connections, requests: mixRequests(tokens, () => (answered += 1)) };
  const phases = [
    { id: 'mix', title: `API 90 % me / 10 % updateProfile, ${settings.connections} connections`, durationS: settings.durationS },
    { id: 'soak', title: `API soak: more of the 90/10 mix, ${settings.connections} connections`, durationS: settings.soakS },
  ];
  const results: PhaseResult[] = [];
  for (const { id, title, durationS } of phases.filter((phase) => phase.durationS > 0)) {
    const before = answered;
    const phase = await measurePhase(tenantUrl, tally, { id, title, load: { ...load, durationS }, serverPid: api.pid, tenantPid: ctx.tenantPid });
    results.push(withUpdateCost(phase, answered - before, settings.connections));
  }
  return results;
}

/** `npm run bench -- --mix`: the 90/10 mix (and the soak) alone, on one warmed API. */
export async function runApiMix(ctx: RunContext): Promise<PhaseResult[]> {
  await drainCounts(ctx.tenantUrl);
  const api = await startApi(ctx, 'API (mix)', { profileTtlS: ctx.settings.profileTtlS, updateRateLimitPerMinute: ctx.settings.updateRateLimitPerMinute });
  try {
    await callMeForEveryUser(api.url, ctx.tokens);
    return await runMix(ctx, api, {});
  } finally {
    await api.stop();
  }
}

async function loadApi(ctx: RunContext, servers: Servers): Promise<WarmRun> {
  const { settings, tenantUrl, tokens } = ctx;
  const { api } = servers;
  const tally: Counts = {};
  const atStart = readMemory(api.pid);
  const sampler = sampleRss(api.pid);
  try {
    await callMeForEveryUser(api.url, tokens);
    const comparisons: Comparison[] = [];
    for (const connections of settings.comparisonConnections) comparisons.push(await compareAt(ctx, servers, connections, tally));
    await stopReferences(servers.references);
    const mixPhases = await runMix(ctx, api, tally);
    const { samples, last } = sampler.stop();
    addCounts(tally, await drainCounts(tenantUrl));
    const warmSeconds = comparisons.reduce((sum, c) => sum + settings.warmupS + c.warm.stats.durationS, 0);
    const loadSeconds = warmSeconds + mixPhases.reduce((sum, phase) => sum + phase.stats.durationS, 0);
    return {
      comparisons,
      phases: mixPhases,
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
