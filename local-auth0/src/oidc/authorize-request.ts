import type { SeedClient } from '../config/seed';
import type { ApiLookup, ClientLookup } from '../tenant-parts';
import { OAuthError } from '../http/errors';
import { sameRedirectUri } from './codes';
import { checkAudience } from './issue';

export const RESPONSE_MODES = ['query', 'web_message'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

/** Where an authorization response (code or error) goes. */
export interface ResponseTarget { redirectUri: string; responseMode: ResponseMode; state?: string }

export interface AuthorizeRequest extends ResponseTarget {
  client: SeedClient;
  scope: string;
  audience?: string;
  nonce?: string;
  codeChallenge: string;
  prompt?: string;
  /** Seconds a session may have lasted since its login to be reused without a new one (OIDC `max_age`). */
  maxAge?: number;
  /** The original query string, carried through the login form. */
  query: string;
}

/** An /authorize problem that cannot be sent back to the app (unknown client, unregistered redirect URI). */
export class AuthorizePageError extends Error {}

/** An /authorize problem reported to the app through its redirect URI or web message. */
export class AuthorizeResponseError extends Error {
  constructor(
    readonly target: ResponseTarget,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/** BASE64URL(SHA256(verifier)) without padding is always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const MODES = new Set<string>(RESPONSE_MODES);

function checkParams(tenant: ClientLookup & ApiLookup, p: URLSearchParams, target: ResponseTarget): { audience?: string; maxAge?: number } {
  const fail = (error: string, description: string) => new AuthorizeResponseError(target, error, description);
  if (p.get('response_type') !== 'code') throw fail('unsupported_response_type', `Unsupported response type: ${p.get('response_type') ?? ''}`);
  if (!MODES.has(p.get('response_mode') ?? 'query')) throw fail('invalid_request', `Unsupported response_mode: ${p.get('response_mode')}`);
  if (!p.get('code_challenge')) throw fail('invalid_request', 'Parameter \'code_challenge\' is required (PKCE)');
  if (!S256_CHALLENGE.test(p.get('code_challenge')!)) throw fail('invalid_request', 'Parameter \'code_challenge\' must be a base64url SHA-256 (43 characters)');
  if (p.get('code_challenge_method') !== 'S256') throw fail('invalid_request', 'Only code_challenge_method S256 is supported');
  const prompt = p.get('prompt');
  if (prompt && !['none', 'login'].includes(prompt)) throw fail('invalid_request', `Unsupported prompt: ${prompt}`);
  const maxAge = p.get('max_age') ?? undefined;
  if (maxAge !== undefined && !/^\d{1,9}$/.test(maxAge)) throw fail('invalid_request', 'Parameter \'max_age\' must be a non-negative integer');
  try {
    return { audience: checkAudience(tenant, p.get('audience') ?? undefined), maxAge: maxAge === undefined ? undefined : Number(maxAge) };
  } catch (e) {
    throw fail('access_denied', (e as OAuthError).description);
  }
}

/** Validates /authorize parameters in the order Auth0 does: client, redirect URI, then the rest. */
export function parseAuthorize(tenant: ClientLookup & ApiLookup, query: string): AuthorizeRequest {
  const p = new URLSearchParams(query);
  const client = tenant.client(p.get('client_id'));
  if (!client) throw new AuthorizePageError(`Unknown client: ${p.get('client_id') ?? '(none)'}`);
  const redirectUri = p.get('redirect_uri') ?? '';
  if (!client.callbacks.some((callback) => sameRedirectUri(redirectUri, callback))) {
    throw new AuthorizePageError(`Callback URL mismatch. ${redirectUri || '(none)'} is not in the list of Allowed Callback URLs of ${client.clientId}.`);
  }
  const mode = p.get('response_mode');
  const target: ResponseTarget = { redirectUri, responseMode: mode === 'web_message' ? 'web_message' : 'query', state: p.get('state') ?? undefined };
  const { audience, maxAge } = checkParams(tenant, p, target);
  return {
    ...target,
    client,
    scope: p.get('scope') ?? 'openid',
    audience,
    nonce: p.get('nonce') ?? undefined,
    codeChallenge: p.get('code_challenge')!,
    prompt: p.get('prompt') ?? undefined,
    maxAge,
    query,
  };
}
