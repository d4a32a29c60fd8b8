import type { JWK } from 'jose';
import type { SeedUser } from '../config/seed';

export interface StoredKey { kid: string; privateJwk: JWK; publicJwk: JWK; createdAt: string }
export interface KeyRing { previous?: StoredKey; current: StoredKey; next: StoredKey }

/** A user as the tenant keeps it: the seed's profile plus what Auth0 tracks; `password_hash` never leaves the tenant. */
export interface StoredUser extends Omit<SeedUser, 'password'> {
  password_hash?: string;
  username?: string;
  phone_number?: string;
  phone_verified?: boolean;
  blocked?: boolean;
  created_at: string;
  updated_at: string;
  last_login?: string;
  logins_count: number;
}

export interface RefreshTokenRecord {
  family: string;
  clientId: string;
  userId: string;
  scope: string;
  audience?: string;
  /** When the user last authenticated, and the session's id in ID tokens: refreshed ID tokens repeat them. */
  authTime?: number;
  sid?: string;
  /** Set once the token has been exchanged; presenting it again revokes the whole family. */
  rotatedAt?: string;
}

/** A mailed email-verification link, until it is followed or expires. */
export interface EmailVerificationRecord { userId: string; email: string; expiresAt: string }

export interface SessionRecord { userId: string; createdAt: string; authTime: number }

export interface TenantState {
  version: 1;
  keys: KeyRing;
  users: StoredUser[];
  /** Keyed by the SHA-256 of the refresh token. */
  refreshTokens: Record<string, RefreshTokenRecord>;
  sessions: Record<string, SessionRecord>;
  /** Keyed by the SHA-256 of the link's ticket; absent in state files written before mail. */
  emailVerifications?: Record<string, EmailVerificationRecord>;
}
