import { ManagementClient } from 'auth0';
import type { Auth0Config } from '../config';
import type { ManagementAttemptObserver } from './management-route';
import { ManagementToken, renewingRefusedTokens } from './management-token';
import { createTenantFetch } from './tenant-fetch';

/**
 * The one Management API client of the process. Its client-credentials token comes from
 * ManagementToken (cached, shared, and renewed when the Management API refuses it with 401).
 * Its own retries are off: they sleep for as long as `retry-after` says (up to 60 s), which breaks
 * the ~5 s budget of a GraphQL request; `withRetry` retries once within that budget instead.
 */
export interface ManagementClientObservers {
  /** Told whether each Management API token request succeeded, and false when a token is refused (readiness). */
  onTokenResult?: (ok: boolean) => void;
  /** Told about every HTTP request to Auth0 (metrics, trace spans). */
  attempts?: ManagementAttemptObserver;
}

export function createManagementClient(config: Auth0Config, observers: ManagementClientObservers = {}): ManagementClient {
  const tenantFetch = createTenantFetch({ origin: config.origin, timeoutMs: config.timeoutMs, ...observers });
  const token = new ManagementToken({
    origin: config.origin,
    audience: `${config.origin}/api/v2/`,
    clientId: config.managementClientId,
    clientSecret: config.managementClientSecret,
    fetch: tenantFetch,
    onRefused: () => observers.onTokenResult?.(false),
  });
  return new ManagementClient({
    domain: config.domain,
    token: () => token.get(),
    timeoutInSeconds: Math.ceil(config.timeoutMs / 1000),
    maxRetries: 0,
    fetch: renewingRefusedTokens(tenantFetch, token),
  });
}
