import { createHash, randomBytes } from 'node:crypto';
import { OAuthError } from '../http/errors';
import type { RefreshTokenRecord } from '../state/types';
import type { PersistedState } from '../tenant-parts';

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
const invalid = () => new OAuthError(403, 'invalid_grant', 'Unknown or invalid refresh token.');

/** Rotated tokens are kept this long for reuse detection, then forgotten so the state file stays small. */
const ROTATED_RETENTION_MS = 24 * 3600 * 1000;

function forgetOldRotations(tenant: PersistedState): void {
  const cutoff = Date.now() - ROTATED_RETENTION_MS;
  const table = tenant.state.refreshTokens;
  for (const [hash, record] of Object.entries(table)) if (record.rotatedAt && Date.parse(record.rotatedAt) < cutoff) delete table[hash];
}

export function createRefreshToken(tenant: PersistedState, record: Omit<RefreshTokenRecord, 'rotatedAt'>): string {
  forgetOldRotations(tenant);
  const token = `v1.${randomBytes(32).toString('base64url')}`;
  tenant.state.refreshTokens[hashOf(token)] = record;
  tenant.store.save();
  return token;
}

export function revokeFamily(tenant: PersistedState, family: string): void {
  const table = tenant.state.refreshTokens;
  for (const [hash, record] of Object.entries(table)) if (record.family === family) delete table[hash];
  tenant.store.save();
}

/**
 * Exchanges a refresh token once (rotation). Presenting an already-rotated token is treated as
 * theft, as Auth0's reuse detection does: the whole family is revoked.
 */
export function consumeRefreshToken(tenant: PersistedState, clientId: string, token: string): RefreshTokenRecord {
  const record = tenant.state.refreshTokens[hashOf(token)];
  if (!record || record.clientId !== clientId) throw invalid();
  if (record.rotatedAt) {
    revokeFamily(tenant, record.family);
    throw invalid();
  }
  record.rotatedAt = new Date().toISOString();
  tenant.store.save();
  return record;
}

/** Every refresh token of the user, as Auth0 revokes them after a password reset or a deletion. */
export function revokeUserRefreshTokens(tenant: PersistedState, userId: string): void {
  const table = tenant.state.refreshTokens;
  for (const [hash, record] of Object.entries(table)) if (record.userId === userId) delete table[hash];
  tenant.store.save();
}

export function revokeRefreshToken(tenant: PersistedState, clientId: string, token: string): void {
  const record = tenant.state.refreshTokens[hashOf(token)];
  if (record && record.clientId === clientId) revokeFamily(tenant, record.family);
}

export const newFamily = () => randomBytes(12).toString('base64url');
