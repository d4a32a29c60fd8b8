import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ManagementAttemptObserver, ManagementRoute } from '../auth0/management-route';
import type { LastKnownReason } from '../profile/last-known';
import type { ProfileEvents } from '../profile/profile-stores';
import { BoundChildren, BoundChildren3 } from './bound-children';
import { hotCounter, hotHistogram, type CounterChild, type HistogramChild } from './hot-metrics';

const PREFIX = 'profile_api_';
/** Seconds; from 1 ms (a replayed me) to the ~5 s budget of a request. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const UPSTREAM_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Numeric header or undefined. */
function headerNumber(headers: Headers | undefined, name: string): number | undefined {
  const value = headers?.get(name);
  const number = value ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

const CACHE_RESULTS = ['hit', 'miss'] as const;

/** The child of each `result` label value, made once. */
function byResult<R extends string, C>(child: (result: R) => C, results: readonly R[]): Record<R, C> {
  return Object.fromEntries(results.map((result) => [result, child(result)])) as Record<R, C>;
}

/**
 * Every metric the API exposes, in its own prom-client registry (several servers may run in one
 * test process). Labels are bounded by construction: routes are templates, operations the known
 * names or `other`, codes the API's own error codes, results and reasons small enums.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly registers = [this.registry];
  // The request path's three: hash-free children (hot-metrics.ts).
  private readonly requests = new BoundChildren3<HistogramChild>(
    hotHistogram(
      this.registry,
      'http_server_request_duration_seconds',
      'Time from the request to the end of the response, by method, route template and status code.',
      ['method', 'route', 'status_code'],
      REQUEST_BUCKETS,
    ),
  );
  private readonly operations = new BoundChildren<CounterChild>(
    hotCounter(
      this.registry,
      `${PREFIX}graphql_operations_total`,
      'GraphQL operations by name (those of the app\'s documents and examples.graphql; any other is "other") and outcome (OK or the first error code).',
      ['operation', 'code'],
    ),
  );
  private readonly responseCache = byResult(
    hotCounter(this.registry, `${PREFIX}response_cache_requests_total`, 'Requests the me response cache could answer: hit = replayed without running GraphQL.', ['result']),
    CACHE_RESULTS,
  );
  private readonly upstreamCallsCounter = new Counter({
    name: `${PREFIX}auth0_requests_total`,
    help: 'HTTP requests to Auth0 (Management API and its token endpoint), each retry attempt counted, by route template and status (or timeout / network).',
    labelNames: ['route', 'status'],
    registers: this.registers,
  });
  private readonly upstreamCalls = new BoundChildren<Counter.Internal>((route, status) => this.upstreamCallsCounter.labels(route, status));
  private readonly upstreamDuration = new Histogram({
    name: `${PREFIX}auth0_request_duration_seconds`,
    help: 'Duration of each HTTP request to Auth0, by route template.',
    labelNames: ['route'],
    buckets: UPSTREAM_BUCKETS,
    registers: this.registers,
  });
  private readonly upstreamDurationChildren = new BoundChildren<Histogram.Internal<string>>((route) => this.upstreamDuration.labels(route));
  private readonly rateLimitRemaining = new Gauge({
    name: `${PREFIX}auth0_ratelimit_remaining`,
    help: 'x-ratelimit-remaining of the last Auth0 answer on the route: calls left in the current window.',
    labelNames: ['route'],
    registers: this.registers,
  });
  private readonly rateLimitLimit = new Gauge({
    name: `${PREFIX}auth0_ratelimit_limit`,
    help: 'x-ratelimit-limit of the last Auth0 answer on the route: the size of the window.',
    labelNames: ['route'],
    registers: this.registers,
  });
  private readonly profileCacheCounter = new Counter({
    name: `${PREFIX}profile_cache_requests_total`,
    help: 'Profile reads of me through the profile cache: hit = answered without an upstream read of its own.',
    labelNames: ['result'],
    registers: this.registers,
  });
  private readonly profileCache = byResult((result) => this.profileCacheCounter.labels(result), CACHE_RESULTS);
  private readonly lastKnown = new Counter({
    name: `${PREFIX}last_known_answers_total`,
    help: 'me answered with the last-known profile because Auth0 failed, by reason.',
    labelNames: ['reason'],
    registers: this.registers,
  });
  private readonly updateRefusals = new Counter({ name: `${PREFIX}update_refusals_total`, help: 'updateProfile calls refused by the per-user update limit.', registers: this.registers });
  private readonly stepUps = new Counter({
    name: `${PREFIX}step_up_challenges_total`,
    help: 'Answers asking the caller to sign in again (INSUFFICIENT_USER_AUTHENTICATION, RFC 9470) before a sensitive operation.',
    registers: this.registers,
  });
  private readonly mailsCounter = new Counter({ name: `${PREFIX}mails_total`, help: 'Mails handed to the SMTP server (sent) or given up on after the retries (failed).', labelNames: ['result'], registers: this.registers });
  private readonly mails = byResult((result) => this.mailsCounter.labels(result), ['sent', 'failed'] as const);
  private readonly fallbacks = new Counter({
    name: `${PREFIX}redis_fallbacks_total`,
    help: 'Times this replica stopped using Redis (down or stalled) and fell back to its in-process state.',
    registers: this.registers,
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** One finished HTTP request. */
  request(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    this.requests.get(method, route ?? 'unmatched', String(statusCode)).observe(seconds);
  }

  operation(label: string, code: string): void {
    this.operations.get(label, code).inc();
  }

  stepUpChallenge(): void {
    this.stepUps.inc();
  }

  /** For MailerOptions.onResult. */
  readonly mailResult = (sent: boolean): void => (sent ? this.mails.sent : this.mails.failed).inc();

  responseCacheRead(hit: boolean): void {
    (hit ? this.responseCache.hit : this.responseCache.miss).inc();
  }

  /** The profile rules' events (profile cache, last-known answers, update refusals). */
  readonly profileEvents: ProfileEvents = {
    profileCacheRead: (hit) => (hit ? this.profileCache.hit : this.profileCache.miss).inc(),
    lastKnownAnswer: (reason: LastKnownReason) => this.lastKnown.labels(reason).inc(),
    updateRefused: () => this.updateRefusals.inc(),
  };

  /** Counts each HTTP request to Auth0 and keeps the rate limit its answer reports. */
  readonly managementAttempts: ManagementAttemptObserver = {
    start: (route: ManagementRoute) => {
      const started = performance.now();
      return (outcome, headers) => {
        this.upstreamCalls.get(route, String(outcome)).inc();
        this.upstreamDurationChildren.get(route, '').observe((performance.now() - started) / 1000);
        const remaining = headerNumber(headers, 'x-ratelimit-remaining');
        if (remaining !== undefined) this.rateLimitRemaining.labels(route).set(remaining);
        const limit = headerNumber(headers, 'x-ratelimit-limit');
        if (limit !== undefined) this.rateLimitLimit.labels(route).set(limit);
      };
    },
  };

  /** Redis fallback state: a gauge read at scrape time, and a count of outages. */
  watchRedis(redis: { readonly status: 'ok' | 'down'; onUnavailable(listener: () => void): void }): void {
    new Gauge({
      name: `${PREFIX}redis_fallback`,
      help: '1 while this replica serves from its in-process state because Redis is down or stalled, else 0.',
      registers: [this.registry],
      collect() {
        this.set(redis.status === 'ok' ? 0 : 1);
      },
    });
    redis.onUnavailable(() => this.fallbacks.inc());
  }
}
