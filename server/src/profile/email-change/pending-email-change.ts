/**
 * The pending email change, kept in the user's app_metadata (which the user cannot write), so
 * every replica sees it without a store of this API's own. Only the token's SHA-256 is kept.
 */
import { z } from 'zod';

/** The app_metadata key. */
const PENDING_EMAIL_CHANGE_KEY = 'pendingEmailChange';

export interface PendingEmailChange {
  email: string;
  /** Hex SHA-256 of the token in the mailed link. */
  tokenHash: string;
  expiresAt: string;
  requestedAt: string;
}

/** What the profile shows of it. */
export interface PendingEmailChangeView {
  email: string;
  expiresAt: Date;
}

const storedSchema = z.object({
  email: z.string().max(254),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  expiresAt: z.iso.datetime(),
  requestedAt: z.iso.datetime(),
});

/** The stored change, whatever its expiry; null when there is none or it is not one this API wrote. */
export function readStoredEmailChange(appMetadata: Record<string, unknown>): PendingEmailChange | null {
  const parsed = storedSchema.safeParse(appMetadata[PENDING_EMAIL_CHANGE_KEY]);
  return parsed.success ? parsed.data : null;
}

export function isExpired(pending: PendingEmailChange, now = Date.now()): boolean {
  return Date.parse(pending.expiresAt) <= now;
}

/** The change the profile shows: null when there is none or its link has expired. */
export function readPendingEmailChange(appMetadata: Record<string, unknown>, now = Date.now()): PendingEmailChangeView | null {
  const pending = readStoredEmailChange(appMetadata);
  return pending && !isExpired(pending, now) ? { email: pending.email, expiresAt: new Date(pending.expiresAt) } : null;
}

/** app_metadata PATCH storing `pending` (replacing any earlier one whole), or removing it with null. */
export function pendingEmailChangePatch(pending: PendingEmailChange | null): Record<string, PendingEmailChange | null> {
  return { [PENDING_EMAIL_CHANGE_KEY]: pending };
}
