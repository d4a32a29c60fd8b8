import { z } from 'zod';

export interface LocalTokenSourceOptions {
  /** The local tenant's origin (http://localhost:PORT). */
  origin: string;
  /** The user's id: a token follows her whatever her email is now. */
  userId: string;
  audience: string;
  lifetimeSeconds: number;
  timeoutMs: number;
}

const tokenResponse = z.object({ access_token: z.string(), expires_in: z.number() });
const RENEW_BEFORE_MS = 60_000;

/**
 * Short-lived user access tokens from the local tenant's test control `POST /__local/tokens`
 * (development only: they pre-fill the Sandbox). Cached until a minute before they expire.
 */
export function createLocalTokenSource(options: LocalTokenSourceOptions): () => Promise<string> {
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const response = await fetch(`${options.origin}/__local/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: options.userId, audience: options.audience, expiresIn: options.lifetimeSeconds }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) throw new Error(`POST /__local/tokens answered ${response.status}`);
    const body = tokenResponse.parse(await response.json());
    cached = { token: body.access_token, renewAt: Date.now() + body.expires_in * 1000 - RENEW_BEFORE_MS };
    return body.access_token;
  }

  return async () => {
    if (cached && Date.now() < cached.renewAt) return cached.token;
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
