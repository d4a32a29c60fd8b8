import type { DependencyStatus, ReadinessState } from '../health/instance-health';

export interface ReadinessBody {
  status: 'ok' | 'degraded' | 'starting' | 'draining';
  dependencies: { redis: ReadinessState['redis']; jwks: DependencyStatus; managementToken: DependencyStatus };
}

export interface Readiness {
  statusCode: 200 | 503;
  body: ReadinessBody;
}

/**
 * GET /readyz for load balancers. 503 only while this instance cannot serve at all (starting,
 * never loaded signing keys, draining after SIGTERM). A shared dependency being down (Redis,
 * Auth0) is reported as `degraded` with 200: every replica shares it, and taking them all out
 * of rotation would turn a degraded service into an outage.
 */
export function readiness(state: ReadinessState): Readiness {
  const dependencies = { redis: state.redis, jwks: state.jwks, managementToken: state.managementToken };
  if (state.phase === 'draining') return { statusCode: 503, body: { status: 'draining', dependencies } };
  if (state.phase === 'starting' || !state.signingKeysLoaded) return { statusCode: 503, body: { status: 'starting', dependencies } };
  const degraded = Object.values(dependencies).includes('down');
  return { statusCode: 200, body: { status: degraded ? 'degraded' : 'ok', dependencies } };
}
