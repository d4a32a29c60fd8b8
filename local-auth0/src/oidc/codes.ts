import { createHash, randomBytes } from 'node:crypto';
import { OAuthError } from '../http/errors';

const CODE_LIFETIME_MS = 60_000;

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

const invalidCode = () => new OAuthError(403, 'invalid_grant', 'Invalid authorization code');

/** Authorization codes: in memory, single use, valid for a minute. */
export class CodeStore {
  private codes = new Map<string, CodeGrant & { expiresAt: number }>();

  issue(grant: CodeGrant): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: Date.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** Takes a code out of the store (so any second use fails), checking client, redirect URI and PKCE. */
  redeem(code: unknown, clientId: string, redirectUri: unknown, verifier: unknown): CodeGrant {
    if (typeof code !== 'string' || code === '') throw new OAuthError(400, 'invalid_request', 'Missing required parameter: code');
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || grant.expiresAt < Date.now() || grant.clientId !== clientId) throw invalidCode();
    if (redirectUri !== grant.redirectUri) {
      throw new OAuthError(403, 'invalid_grant', 'The redirect_uri MUST match the registered callback URL for this application.');
    }
    const challenge = typeof verifier === 'string' ? createHash('sha256').update(verifier).digest('base64url') : undefined;
    if (challenge !== grant.codeChallenge) throw new OAuthError(403, 'invalid_grant', 'Failed to verify code verifier');
    return grant;
  }

  clear(): void {
    this.codes.clear();
  }
}
