import { ManagementError } from 'auth0';
import { z } from 'zod';

export interface ManagementTokenOptions {
  /** The tenant's origin; the token request goes to `<origin>/oauth/token`. */
  origin: string;
  audience: string;
  clientId: string;
  clientSecret: string;
  /** The tenant fetch (timeouts, readiness told about each token request). */
  fetch: typeof fetch;
  /** Told when the Management API refused a token (readiness reports it down until a new one works). */
  onRefused?: () => void;
}

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
/** Renew this long before `expires_in` runs out, so no call carries a token about to expire. */
const RENEW_BEFORE_MS = 60_000;

/**
 * The client-credentials token of the Management API: cached until shortly before it expires,
 * one request shared by concurrent callers (as the auth0 SDK's own provider does), and dropped
 * when the Management API refuses it, e.g. after the tenant's signing keys were rotated twice
 * (rotate + revoke): the SDK's provider would keep such a token for its whole 24 h.
 */
export class ManagementToken {
  private cached: { token: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly options: ManagementTokenOptions) {}

  get(): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return Promise.resolve(this.cached.token);
    this.pending ??= this.request().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** The Management API answered 401 to `token`: forget it (unless a newer one already replaced it). */
  refused(token: string): void {
    this.options.onRefused?.();
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async request(): Promise<string> {
    const { origin, audience, clientId, clientSecret } = this.options;
    const response = await this.options.fetch(`${origin}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, audience }).toString(),
    });
    // As the SDK's own provider reports it, so ./errors types it like any Management API failure.
    if (!response.ok) throw new ManagementError({ message: 'ManagementClient: token request failed', statusCode: response.status, body: await response.text() });
    const answer = tokenAnswer.parse(await response.json());
    this.cached = { token: answer.access_token, renewAt: Date.now() + answer.expires_in * 1000 - RENEW_BEFORE_MS };
    return answer.access_token;
  }
}

function bearerOf(headers: RequestInit['headers']): string | undefined {
  const value = new Headers(headers).get('authorization') ?? '';
  return /^Bearer (.+)$/i.exec(value)?.[1];
}

/**
 * A fetch that, when the Management API answers 401 to a call, drops the token the call carried
 * and sends the call once more with a new one. A 401 means the call was refused before anything
 * ran, so resending even a PATCH is safe. Bodies the SDK sends are strings, so they can be resent.
 */
export function renewingRefusedTokens(base: typeof fetch, tokens: ManagementToken): typeof fetch {
  return async (input, init) => {
    const answer = await base(input, init);
    const used = bearerOf(init?.headers);
    const resendable = init?.body === undefined || init.body === null || typeof init.body === 'string';
    if (answer.status !== 401 || used === undefined || !resendable) return answer;
    tokens.refused(used);
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${await tokens.get()}`);
    const resent = await base(input, { ...init, headers });
    if (resent.status === 401) tokens.refused(headers.get('authorization')!.slice('Bearer '.length));
    return resent;
  };
}
