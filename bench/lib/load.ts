// Load phases with autocannon, reduced to the numbers the report needs.
import autocannon, { type RawResult, type RequestData, type RequestSpec } from 'autocannon';
import { isCleanResponse, meBody, updateBody } from './graphql';

export interface LoadStats {
  requests: number;
  durationS: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 2xx answers whose body was not clean GraphQL data (e.g. an `errors` array). */
  graphqlErrors: number;
}

export interface LoadOptions {
  url: string;
  requests: RequestSpec[];
  durationS: number;
  connections: number;
}

function runRaw(options: LoadOptions): PromiseLike<RawResult> {
  return autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: options.requests,
    verifyBody: isCleanResponse,
    skipAggregateResult: true,
  });
}

/** Merges runs against one server: latency histograms merged, durations added. */
function toStats(runs: RawResult[], options: LoadOptions): LoadStats {
  const merged = autocannon.aggregateResult(runs, { url: options.url, connections: options.connections });
  const requests = runs.reduce((sum, run) => sum + run.totalCompletedRequests, 0);
  const durationS = Math.round(runs.reduce((sum, run) => sum + run.duration, 0) * 100) / 100;
  return {
    requests,
    durationS,
    reqPerSec: Math.round(requests / durationS),
    p50Ms: merged.latency.p50,
    p99Ms: merged.latency.p99,
    errors: merged.errors,
    non2xx: merged.non2xx,
    graphqlErrors: merged.mismatches,
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadStats> {
  return toStats([await runRaw(options)], options);
}

/**
 * Runs the targets in turns (A, B, A, B, ...), `rounds` slices each, splitting each target's
 * durationS between its slices; background load on the machine then hits every target alike,
 * so ratios between them hold even when absolute numbers wobble.
 */
export async function runInterleaved(targets: LoadOptions[], rounds: number): Promise<LoadStats[]> {
  const runs: RawResult[][] = targets.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, target] of targets.entries()) {
      const slice = await runRaw({ ...target, durationS: Math.max(1, Math.round(target.durationS / rounds)) });
      runs[i]?.push(slice);
    }
  }
  return targets.map((target, i) => toStats(runs[i] ?? [], target));
}

/** Sets `authorization` to the next token on every request, round-robin over all tokens. */
function rotatingToken(tokens: readonly string[]): (request: RequestData) => RequestData {
  if (tokens.length === 0) throw new Error('rotatingToken needs at least one token');
  let next = 0;
  return (request) => {
    const token = tokens[next % tokens.length];
    next += 1;
    return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
  };
}

export function meRequests(tokens: readonly string[]): RequestSpec[] {
  return [{ path: '/graphql', body: meBody, setupRequest: rotatingToken(tokens) }];
}

/**
 * Nine `me` then one `updateProfile` per cycle (90 % / 10 %). Every update sets a new value, so
 * each one that is accepted costs a PATCH upstream. `onUpdateAnswered` is told of each update
 * answered with clean data (the updates whose upstream calls the phase counts).
 */
export function mixRequests(tokens: readonly string[], onUpdateAnswered?: () => void): RequestSpec[] {
  const withToken = rotatingToken(tokens);
  let version = 0;
  const me: RequestSpec = { path: '/graphql', body: meBody, setupRequest: withToken };
  const update: RequestSpec = {
    path: '/graphql',
    setupRequest: (request) => {
      version += 1;
      return withToken({ ...request, body: updateBody(`Bench ${version}`) });
    },
    ...(onUpdateAnswered && {
      onResponse: (status: number, body: string) => {
        if (status === 200 && isCleanResponse(body)) onUpdateAnswered();
      },
    }),
  };
  return [...Array.from({ length: 9 }, () => me), update];
}
