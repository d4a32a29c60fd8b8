/** The Auth0 routes this API calls, as templates (no user ids): the tenant's `/__local/counts` keys. */
export type ManagementRoute = 'GET /api/v2/users/:id' | 'PATCH /api/v2/users/:id' | 'POST /oauth/token' | 'other';

/** The HTTP status of an attempt, or why there was none. */
export type AttemptOutcome = number | 'timeout' | 'network';

/**
 * Told about every HTTP request to Auth0 (each retry attempt is its own request): `start` when it
 * is sent, the function it returns when it ends, with the answer's headers (x-ratelimit-*).
 */
export interface ManagementAttemptObserver {
  start(route: ManagementRoute, method: string): (outcome: AttemptOutcome, headers?: Headers) => void;
}

const USER_PATH = /^\/api\/v2\/users\/[^/]+$/;

export function managementRoute(method: string, path: string): ManagementRoute {
  if (USER_PATH.test(path)) {
    if (method === 'GET') return 'GET /api/v2/users/:id';
    if (method === 'PATCH') return 'PATCH /api/v2/users/:id';
  }
  if (method === 'POST' && path === '/oauth/token') return 'POST /oauth/token';
  return 'other';
}

/** Why a fetch that threw got no answer. */
export function failedOutcome(error: unknown): AttemptOutcome {
  const name = error instanceof Error ? error.name : '';
  return name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
}
