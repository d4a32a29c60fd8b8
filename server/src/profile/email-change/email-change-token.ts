import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes (256 bits) in base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashEmailChangeToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A single-use token for the mailed link, and the hash that is stored instead of it. */
export function newEmailChangeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashEmailChangeToken(token) };
}

/** Whether a token has the shape of one this API makes (checked before anything is read). */
export function isEmailChangeTokenShape(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** Constant-time comparison of the token's hash with the stored one. */
export function emailChangeTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashEmailChangeToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
