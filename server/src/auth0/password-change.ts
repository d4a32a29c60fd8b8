import { Auth0RateLimitedError, Auth0RejectedError, Auth0UnavailableError, retryAfterSeconds } from './errors';

export interface PasswordChangeOptions {
  /** The tenant's origin (`https://<domain>`, or the local tenant's http origin). */
  origin: string;
  /** The application the Authentication API call is made for (its reset mail and page are that application's). */
  clientId: string;
  timeoutMs: number;
}

/** The Authentication API's password-change mail, as the account feature sees it. */
export interface PasswordChangeMails {
  /** Asks Auth0 to mail `email` a reset link for `connection`; resolves once Auth0 took the request. */
  request(email: string, connection: string): Promise<void>;
}

// The body is never read: the status says all this API needs, and an upstream body is not parsed unbounded.
function failureOf(response: Response): Error {
  if (response.status === 429) return new Auth0RateLimitedError(retryAfterSeconds(response.headers));
  if (response.status === 408) return new Auth0UnavailableError('timeout', 408);
  if (response.status >= 500) return new Auth0UnavailableError('status', response.status);
  return new Auth0RejectedError(response.status, undefined);
}

function networkFailure(error: unknown): Error {
  const name = error instanceof Error ? error.name : '';
  return new Auth0UnavailableError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network');
}

/**
 * `POST /dbconnections/change_password` with `{client_id, email, connection}`. Auth0 answers 200
 * whether or not the address exists; it sends the mail and serves the reset page itself. No
 * retry: a second call would be a second mail.
 */
export function createPasswordChangeMails({ origin, clientId, timeoutMs }: PasswordChangeOptions): PasswordChangeMails {
  return {
    async request(email, connection) {
      let response: Response;
      try {
        response = await fetch(`${origin}/dbconnections/change_password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ client_id: clientId, email, connection }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw networkFailure(error);
      }
      await response.body?.cancel();
      if (!response.ok) throw failureOf(response);
    },
  };
}
