import { ManagementClient } from 'auth0';
import type { Auth0Config } from '../config';
import type { ManagementAttemptObserver } from './management-route';
import { createTenantFetch } from './tenant-fetch';

/**
 * The one Management API client of the process. Built with client credentials, the SDK caches the
 * token until shortly before it expires and shares one in-flight token request between callers.
 * Its own retries are off: they sleep for as long as `retry-after` says (up to 60 s), which breaks
 * the ~5 s budget of a GraphQL request; `withRetry` retries once within that budget instead.
 */
export interface ManagementClientObservers {
  /** Told whether each Management API token request succeeded (readiness reports it). */
  onTokenResult?: (ok: boolean) => void;
  /** Told about every HTTP request to Auth0 (metrics, trace spans). */
  attempts?: ManagementAttemptObserver;
}

export function createManagementClient(config: Auth0Config, observers: ManagementClientObservers = {}): ManagementClient {
  return new ManagementClient({
    domain: config.domain,
    audience: `${config.origin}/api/v2/`,
    clientId: config.managementClientId,
    clientSecret: config.managementClientSecret,
    timeoutInSeconds: Math.ceil(config.timeoutMs / 1000),
    maxRetries: 0,
    fetch: createTenantFetch({ origin: config.origin, timeoutMs: config.timeoutMs, ...observers }),
  });
}
