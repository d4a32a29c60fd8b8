import { createHash, randomBytes } from 'node:crypto';
import { OAuthError } from '../http/errors';
import { newFamily } from './refresh-tokens';

const CODE_LIFETIME_MS = 60_000;
/** RFC 7636 §4.1: 43 to 128 characters of the unreserved set. */
const CODE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  userId: string;
  scope: string;
  audience?: string;
  nonce?: string;
  authTime: number;
  sid: string;
}

/** A redeemed grant, with the refresh-token family its tokens belong to. */
export type RedeemedCode = CodeGrant & { family: string };

interface StoredCode extends CodeGrant {
  expiresAt: number;
  /** Set at the first redemption; a second one revokes this family (RFC 6749 §4.1.2). */
  family?: string;
}

const invalidCode = () => new OAuthError(403, 'invalid_grant', 'Invalid authorization code');

/** Compares redirect URIs as URLs: `http://host:port` and `http://host:port/` are the same address. */
export function sameRedirectUri(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  if (a === b) return true;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

/** Authorization codes: in memory, single use, valid for a minute; a replay revokes what the first use issued. */
export class CodeStore {
  private codes = new Map<string, StoredCode>();

  constructor(private readonly revokeFamily: (family: string) => void) {}

  issue(grant: CodeGrant): string {
    const now = Date.now();
    for (const [old, stored] of this.codes) if (stored.expiresAt < now) this.codes.delete(old);
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: now + CODE_LIFETIME_MS });
    return code;
  }

  /** Redeems a code once, checking client, redirect URI and PKCE; any later use fails and revokes the first use's tokens. */
  redeem(code: unknown, clientId: string, redirectUri: unknown, verifier: unknown): RedeemedCode {
    if (typeof code !== 'string' || code === '') throw new OAuthError(400, 'invalid_request', 'Missing required parameter: code');
    const grant = this.codes.get(code);
    if (!grant || grant.expiresAt < Date.now() || grant.clientId !== clientId) throw invalidCode();
    if (grant.family) {
      this.revokeFamily(grant.family);
      throw invalidCode();
    }
    grant.family = newFamily();
    if (!sameRedirectUri(redirectUri, grant.redirectUri)) {
      throw new OAuthError(403, 'invalid_grant', 'The redirect_uri MUST match the registered callback URL for this application.');
    }
    const valid = typeof verifier === 'string' && CODE_VERIFIER.test(verifier);
    if (!valid || createHash('sha256').update(verifier).digest('base64url') !== grant.codeChallenge) {
      throw new OAuthError(403, 'invalid_grant', 'Failed to verify code verifier');
    }
    return { ...grant, family: grant.family };
  }

  clear(): void {
    this.codes.clear();
  }
}
