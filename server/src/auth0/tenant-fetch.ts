import { failedOutcome, managementRoute, type ManagementAttemptObserver } from './management-route';

export interface TenantFetchOptions {
  /** The tenant's real origin: `http://localhost:4400` for the local tenant, `https://<domain>` otherwise. */
  origin: string;
  /** Abort an attempt after this long; applies to the SDK's token request too (fixed at 10 s inside the SDK). */
  timeoutMs: number;
  /** Told whether each Management API token request succeeded (readiness reports it). */
  onTokenResult?: (ok: boolean) => void;
  /** Told about every request (metrics, trace spans). */
  attempts?: ManagementAttemptObserver;
}

function requestUrl(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** The path of a request to the tenant, without the query (the origin may carry a path prefix). */
function pathOf(target: string, origin: string): string {
  const path = target.startsWith(`${origin}/`) ? target.slice(origin.length) : new URL(target).pathname;
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/**
 * The `fetch` handed to the auth0 SDK. The SDK always builds `https://{domain}` URLs; this sends
 * them to the tenant's configured origin (identical for a real tenant, http for the local one)
 * and bounds every attempt by the configured timeout.
 */
export function createTenantFetch({ origin, timeoutMs, onTokenResult, attempts }: TenantFetchOptions): typeof fetch {
  const sdkOrigin = `https://${new URL(origin).host}`;
  return (input, init) => {
    const url = requestUrl(input);
    const target = url.startsWith(`${sdkOrigin}/`) ? origin + url.slice(sdkOrigin.length) : url;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const request = input instanceof Request ? new Request(target, input) : target;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const ended = attempts?.start(managementRoute(method, pathOf(target, origin)), method);
    const isToken = onTokenResult !== undefined && target.startsWith(`${origin}/oauth/token`);
    const response = fetch(request, { ...init, signal });
    if (!ended && !isToken) return response;
    return response.then(
      (answer) => {
        ended?.(answer.status, answer.headers);
        if (isToken) onTokenResult(answer.ok);
        return answer;
      },
      (error: unknown) => {
        ended?.(failedOutcome(error));
        if (isToken) onTokenResult(false);
        throw error;
      },
    );
  };
}
