// autocannon 8 ships no type definitions; this declares the part of its programmatic API the
// bench uses (see node_modules/autocannon/README.md).
declare module 'autocannon' {
  export interface RequestData {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }
  export interface RequestSpec extends RequestData {
    setupRequest?: (request: RequestData, context: Record<string, unknown>) => RequestData;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: RequestSpec[];
    verifyBody?: (body: string) => boolean;
    title?: string;
    /** Return the raw (per-run) result, to be merged later with aggregateResult. */
    skipAggregateResult?: boolean;
  }
  /** What a run with skipAggregateResult answers: opaque except for what the bench reads. */
  export interface RawResult {
    duration: number;
    totalCompletedRequests: number;
  }
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }
  export interface Result {
    title?: string;
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }
  export interface Instance extends PromiseLike<Result> {
    stop(): void;
  }
  interface Autocannon {
    (options: Options & { skipAggregateResult?: false }): Instance;
    (options: Options & { skipAggregateResult: true }): PromiseLike<RawResult>;
    aggregateResult(results: RawResult[], options: { url: string; connections?: number }): Result;
  }
  const autocannon: Autocannon;
  export default autocannon;
}
