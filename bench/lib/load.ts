// One load phase with autocannon, reduced to the numbers the report needs.
import autocannon, { type RequestData, type RequestSpec } from 'autocannon';
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

export async function runLoad(options: LoadOptions): Promise<LoadStats> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: options.requests,
    verifyBody: isCleanResponse,
  });
  const requests = result.requests.total;
  return {
    requests,
    durationS: result.duration,
    reqPerSec: Math.round(requests / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    graphqlErrors: result.mismatches,
  };
}

/** Sets `authorization` to the next token on every request, round-robin over all tokens. */
export function rotatingToken(tokens: readonly string[]): (request: RequestData) => RequestData {
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
 * Nine `me` then one `updateProfile` per cycle (90 % / 10 %). Every update sets a new value,
 * so each one that is accepted costs exactly one PATCH upstream.
 */
export function mixRequests(tokens: readonly string[]): RequestSpec[] {
  const withToken = rotatingToken(tokens);
  let version = 0;
  const me: RequestSpec = { path: '/graphql', body: meBody, setupRequest: withToken };
  const update: RequestSpec = {
    path: '/graphql',
    setupRequest: (request) => {
      version += 1;
      return withToken({ ...request, body: updateBody(`Bench ${version}`) });
    },
  };
  return [...Array.from({ length: 9 }, () => me), update];
}
