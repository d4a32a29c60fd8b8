// The speed targets (bench/README.md, "Targets"), judged on the numbers of one run.
import type { ApiMemory, PhaseResult, TargetResult, UpdateCost } from './results';

export interface TargetInput {
  /** Per connection count: the bare references, the ceiling and the warm API, measured in alternating slices. */
  comparisons: { connections: number; baseline: PhaseResult; reference: PhaseResult; mercuriusJit: PhaseResult; ceiling: PhaseResult; warm: PhaseResult }[];
  memory: ApiMemory;
  /** One entry per API process: its life and the upstream calls it made. */
  apiProcesses: { name: string; seconds: number; tokenRequests: number; userReads?: number; userPatches?: number; ttlS?: number }[];
  users: number;
  managementTokenLifetimeS: number;
  /** The soak (the 90/10 mix once every copy is warm): what its updates cost upstream. */
  soakUpdates?: UpdateCost;
}

export function judgeTargets(input: TargetInput): TargetResult[] {
  return [
    ...input.comparisons.flatMap((c) => [
      throughput(c.connections, 'baseline (Express 5)', c.warm, c.baseline, 1.5),
      throughput(c.connections, 'bare Apollo on Fastify 5', c.warm, c.reference, 0.7),
      throughput(c.connections, 'bare Mercurius 16 + graphql-jit', c.warm, c.mercuriusJit, 1.0),
      throughput(c.connections, 'the node:http ceiling', c.warm, c.ceiling, 0.4),
      tailLatency(c),
    ]),
    tokenRequests(input),
    userReads(input),
    updateCalls(input.soakUpdates),
    rss(input.memory),
  ];
}

function throughput(connections: number, against: string, warm: PhaseResult, reference: PhaseResult, goal: number): TargetResult {
  const ratio = warm.stats.reqPerSec / reference.stats.reqPerSec;
  return {
    name: `warm me vs ${against}, ${connections} conn.`,
    target: `>= ${goal.toFixed(2)} x req/s`,
    measured: `${ratio.toFixed(2)} x (${warm.stats.reqPerSec} / ${reference.stats.reqPerSec} req/s)`,
    pass: ratio >= goal,
  };
}

function tailLatency({ connections, warm, baseline }: TargetInput['comparisons'][number]): TargetResult {
  return {
    name: `warm me p99 vs baseline, ${connections} conn.`,
    target: "<= the baseline's p99",
    measured: `${warm.stats.p99Ms} ms vs ${baseline.stats.p99Ms} ms`,
    pass: warm.stats.p99Ms <= baseline.stats.p99Ms,
  };
}

function tokenRequests({ apiProcesses, managementTokenLifetimeS }: TargetInput): TargetResult {
  const allowed = apiProcesses.map((p) => Math.ceil(p.seconds / managementTokenLifetimeS));
  const made = apiProcesses.map((p) => p.tokenRequests);
  return {
    name: 'Management token requests',
    target: '<= 1 per token lifetime per API process',
    measured: apiProcesses
      .map((p, i) => `${p.name}: ${made[i]} in ${p.seconds} s (lifetime ${managementTokenLifetimeS} s)`)
      .join('; '),
    pass: made.every((n, i) => n <= (allowed[i] ?? 0)),
  };
}

// Every user read counts, `me`'s and updates': an update reads only when no fresh copy is cached
// (or the copy says nothing changes), and its read or PATCH answer refreshes that copy.
function userReads({ apiProcesses, users }: TargetInput): TargetResult {
  const judged = apiProcesses.filter((p) => p.userReads !== undefined && p.ttlS !== undefined && p.ttlS > 0);
  const allowed = judged.map((p) => users * Math.ceil(p.seconds / (p.ttlS ?? 1)));
  return {
    name: 'user reads, me and updates (warm API)',
    target: '<= 1 per user per profile TTL',
    measured: judged
      .map((p, i) => `${p.name}: ${p.userReads} reads (and ${p.userPatches ?? 0} PATCHes), ${users} users, ${p.seconds} s, TTL ${p.ttlS} s: allowed ${allowed[i]}`)
      .join('; '),
    pass: judged.length > 0 && judged.every((p, i) => (p.userReads ?? 0) <= (allowed[i] ?? 0)),
  };
}

// One call per accepted update once the cache is warm: the PATCH. Requests in flight when the load
// stopped may have reached Auth0 with their answers uncounted, so each may add one call.
function updateCalls(cost: UpdateCost | undefined): TargetResult {
  const calls = cost ? cost.reads + cost.patches : 0;
  return {
    name: 'updateProfile Management calls per update (soak, warm cache)',
    target: '<= 1 (the PATCH, no read)',
    measured: cost
      ? `${cost.updates > 0 ? (calls / cost.updates).toFixed(3) : 'n/a'} (${cost.reads} reads + ${cost.patches} PATCHes for ${cost.updates} updates answered, ${cost.inFlightAtStop} in flight at the stop)`
      : 'the soak did not run',
    pass: cost !== undefined && cost.updates > 0 && calls <= cost.updates + cost.inFlightAtStop,
  };
}

function rss(memory: ApiMemory): TargetResult {
  return {
    name: 'API RSS after >= 60 s of load',
    target: '< 200 MB',
    measured: `${memory.rssAfterLoadMb} MB after ${memory.loadSeconds} s of load (${memory.rssAtStartMb} MB at start, peak ${memory.peakRssMb} MB)`,
    pass: memory.loadSeconds >= 60 && memory.rssAfterLoadMb < 200,
  };
}
