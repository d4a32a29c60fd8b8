import type { ManagementClient } from 'auth0';
import { z } from 'zod';
import { Auth0UnavailableError } from './errors';
import { inManagementSpan } from './management-span';
import { withRetry, type RetryPolicy } from './retry';

export interface StoredIdentity {
  provider: string;
  connection: string;
  isSocial: boolean;
}

/** The part of an Auth0 user the API works with. */
export interface StoredUser {
  userId: string;
  email: string;
  emailVerified: boolean;
  picture: string | null;
  /** The first identity is the primary one. */
  identities: StoredIdentity[];
  userMetadata: Record<string, unknown>;
  updatedAt: string;
}

/** Everything a PATCH /api/v2/users/{id} from this API may hold. */
export interface UserPatch {
  user_metadata?: Record<string, string | null>;
  email?: string;
  verify_email?: true;
}

/** Management API access as the profile feature sees it (one implementation talks to Auth0). */
export interface ManagementUsers {
  getUser(userId: string): Promise<StoredUser>;
  updateUser(userId: string, patch: UserPatch): Promise<StoredUser>;
}

const FIELDS = ['user_id', 'email', 'email_verified', 'picture', 'identities', 'user_metadata', 'updated_at'];

const userSchema = z.object({
  user_id: z.string(),
  email: z.string().default(''),
  email_verified: z.boolean().default(false),
  picture: z.string().nullish(),
  identities: z
    .array(z.object({ provider: z.string(), connection: z.string(), isSocial: z.boolean().default(false) }))
    .default([]),
  user_metadata: z.record(z.string(), z.unknown()).nullish(),
  updated_at: z.string(),
});

/** The answer as a StoredUser; it must be the user asked for (another user's record is never shown). */
function toStoredUser(body: unknown, userId: string): StoredUser {
  const parsed = userSchema.safeParse(body);
  if (!parsed.success) throw new Auth0UnavailableError('malformed');
  const user = parsed.data;
  if (user.user_id !== userId) throw new Auth0UnavailableError('mismatch');
  return {
    userId: user.user_id,
    email: user.email,
    emailVerified: user.email_verified,
    picture: user.picture ?? null,
    identities: user.identities,
    userMetadata: user.user_metadata ?? {},
    updatedAt: user.updated_at,
  };
}

const READ_POLICY: RetryPolicy = { retryServerErrors: true, maxRateLimitWaitMs: 1000, backoffMs: 250 };
// A PATCH answered with 5xx may have been applied (and mailed a verification link): no retry.
const WRITE_POLICY: RetryPolicy = { retryServerErrors: false, maxRateLimitWaitMs: 1000, backoffMs: 0 };

export function createManagementUsers(client: ManagementClient): ManagementUsers {
  return {
    async getUser(userId) {
      const read = () => client.users.get(userId, { fields: FIELDS.join(','), include_fields: true });
      const body = await inManagementSpan('users.get', () => withRetry(read, READ_POLICY));
      return toStoredUser(body, userId);
    },
    async updateUser(userId, patch) {
      const body = await inManagementSpan('users.update', () => withRetry(() => client.users.update(userId, patch), WRITE_POLICY));
      return toStoredUser(body, userId);
    },
  };
}
