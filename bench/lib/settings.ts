// Bench knobs, from the environment so a quick trial run is one variable away:
// BENCH_DURATION (s per measured phase), BENCH_WARMUP (s of unmeasured load before a phase),
// BENCH_SOAK (s of extra load on the API so it has seen >= 60 s in total), BENCH_CONNECTIONS
// (the warm comparison runs at each count of the list, e.g. `10,50`; the other phases at the first),
// BENCH_USERS, BENCH_UPDATE_LIMIT (the API's per-user updates per minute during the bench),
// BENCH_API_NODE_OPTIONS (node flags for the API processes only; default: those of
// `npm run serve -w server`, the production start).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes';
import type { Settings } from './results';

function numbersFrom(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map(Number);
  if (!values.every((value) => Number.isInteger(value) && value > 0)) throw new Error(`${name} must list positive integers (e.g. 10,50), got "${raw}"`);
  return values;
}

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

/**
 * The node flags of `npm run serve -w server`, the production start, read from
 * server/package.json so the bench keeps running the API exactly as it ships.
 */
function productionNodeOptions(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'server', 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const serve = pkg.scripts?.serve ?? '';
  return serve
    .split(/\s+/)
    .filter((word) => word.startsWith('--'))
    .join(' ');
}

/** The API's profile cache TTL when the bench does not set one (the API's own default, 30 s). */
const DEFAULT_PROFILE_TTL_S = 30;

export function readSettings(): Settings {
  const connections = numbersFrom('BENCH_CONNECTIONS', [10, 50]);
  return {
    durationS: numberFrom('BENCH_DURATION', 10),
    warmupS: numberFrom('BENCH_WARMUP', 2),
    soakS: numberFrom('BENCH_SOAK', 40),
    connections: connections[0] ?? 10,
    comparisonConnections: connections,
    users: numberFrom('BENCH_USERS', 100),
    profileTtlS: DEFAULT_PROFILE_TTL_S,
    updateRateLimitPerMinute: numberFrom('BENCH_UPDATE_LIMIT', 100_000),
    apiNodeOptions: process.env.BENCH_API_NODE_OPTIONS ?? productionNodeOptions(),
    coldMode: 'fresh API process, profile cache TTL 0',
  };
}
