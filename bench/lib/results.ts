// The shape of one bench run, as printed and as written to bench/results/latest.json.
import type { LoadStats } from './load';
import type { Machine } from './machine';

export interface Upstream {
  tokenRequests: number;
  userReads: number;
  userPatches: number;
  /** Calls per 1,000 GraphQL operations of the phase. */
  per1000: { tokenRequests: number; userReads: number; userPatches: number };
}

/** What the accepted updateProfile calls of a 90/10 mix phase cost upstream. */
export interface UpdateCost {
  /** Updates answered with clean data. */
  updates: number;
  /** User reads over the phase (`me`'s cache misses included). */
  reads: number;
  patches: number;
  /** Connections of the load: requests in flight at its stop may have reached Auth0 unanswered. */
  inFlightAtStop: number;
}

export interface PhaseResult {
  id: string;
  title: string;
  stats: LoadStats;
  ratioToBaseline?: number;
  /** req/s over the bare Apollo 5 on Fastify 5 of the same comparison. */
  ratioToReference?: number;
  upstream?: Upstream;
  /** 90/10 mix phases: Management calls per accepted update. */
  updateCost?: UpdateCost;
  /** RSS of the server process right after the phase, MB. */
  rssAfterMb?: number;
  /** CPU over the phase, % of one core (200 = both cores of this machine). */
  cpu?: { server: number; tenant: number };
  note?: string;
}

export interface TargetResult {
  name: string;
  target: string;
  measured: string;
  pass: boolean;
}

export interface Settings {
  durationS: number;
  warmupS: number;
  soakS: number;
  /** Connections of the mix, soak, cold and article phases (the first of comparisonConnections). */
  connections: number;
  /** The baseline / reference / warm API comparison runs once per count. */
  comparisonConnections: number[];
  users: number;
  profileTtlS: number;
  /** The API's per-user updateProfile limit during the bench (raised so the mix measures writes). */
  updateRateLimitPerMinute: number;
  /** Extra node flags for the API processes (BENCH_API_NODE_OPTIONS), e.g. a heap cap; '' = none. */
  apiNodeOptions: string;
  coldMode: string;
}

export interface ApiMemory {
  /** RSS once started and ready, before any request. */
  rssAtStartMb: number;
  loadSeconds: number;
  rssAfterLoadMb: number;
  peakRssMb: number;
  maxSampledRssMb: number;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  settings: Settings;
  phases: PhaseResult[];
  apiMemory: ApiMemory;
  apiLifetime: { seconds: number; tokenRequests: number; userReads: number; userPatches: number; managementTokenLifetimeS: number };
  targets: TargetResult[];
  runSeconds: number;
  notes: string[];
}
