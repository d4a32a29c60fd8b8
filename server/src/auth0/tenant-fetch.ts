export interface TenantFetchOptions {
  /** The tenant's real origin: `http://localhost:4400` for the local tenant, `https://<domain>` otherwise. */
  origin: string;
  /** Abort an attempt after this long; applies to the SDK's token request too (fixed at 10 s inside the SDK). */
  timeoutMs: number;
  /** Told whether each Management API token request succeeded (readiness reports it). */
  onTokenResult?: (ok: boolean) => void;
}

function requestUrl(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * The `fetch` handed to the auth0 SDK. The SDK always builds `https://{domain}` URLs; this sends
 * them to the tenant's configured origin (identical for a real tenant, http for the local one)
 * and bounds every attempt by the configured timeout.
 */
export function createTenantFetch({ origin, timeoutMs, onTokenResult }: TenantFetchOptions): typeof fetch {
  const sdkOrigin = `https://${new URL(origin).host}`;
  return (input, init) => {
    const url = requestUrl(input);
    const target = url.startsWith(`${sdkOrigin}/`) ? origin + url.slice(sdkOrigin.length) : url;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const request = input instanceof Request ? new Request(target, input) : target;
    const response = fetch(request, { ...init, signal });
    if (!onTokenResult || !target.startsWith(`${origin}/oauth/token`)) return response;
    return response.then(
      (answer) => {
        onTokenResult(answer.ok);
        return answer;
      },
      (error: unknown) => {
        onTokenResult(false);
        throw error;
      },
    );
  };
}
