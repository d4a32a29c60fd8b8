import type { ManagementClient } from 'auth0';
import { z } from 'zod';
import { Auth0UnavailableError } from './errors';
import { inManagementSpan } from './management-span';
import { READ_POLICY, withRetry, WRITE_POLICY } from './retry';

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
  /** Data of this API and other systems that the user cannot change themselves (e.g. a pending email change). */
  appMetadata: Record<string, unknown>;
  updatedAt: string;
  /** Set by an administrator (or brute-force protection): the user may not sign in. */
  blocked: boolean;
}

/** The version of a stored user: its updated_at in ms, so that an older copy never replaces a newer one. */
export function userVersion(user: StoredUser): number {
  return Date.parse(user.updatedAt);
}

/** Everything a PATCH /api/v2/users/{id} from this API may hold. */
export interface UserPatch {
  user_metadata?: Record<string, string | null>;
  /** Merged at the first level like user_metadata; a key set to null is deleted. */
  app_metadata?: Record<string, unknown>;
  email?: string;
  /** Set with `email` when the new address has been proven (the link in the mail was followed). */
  email_verified?: true;
  verify_email?: true;
}

/** Management API access as the profile feature sees it (one implementation talks to Auth0). */
export interface ManagementUsers {
  getUser(userId: string): Promise<StoredUser>;
  updateUser(userId: string, patch: UserPatch): Promise<StoredUser>;
  /** Whether a user other than `userId` has this address (GET /api/v2/users-by-email; Auth0 stores addresses lower-cased). */
  emailTakenByOther(email: string, userId: string): Promise<boolean>;
}

const FIELDS = ['user_id', 'email', 'email_verified', 'picture', 'identities', 'user_metadata', 'app_metadata', 'updated_at', 'blocked'];

const userSchema = z.object({
  user_id: z.string(),
  email: z.string().default(''),
  email_verified: z.boolean().default(false),
  picture: z.string().nullish(),
  identities: z
    .array(z.object({ provider: z.string(), connection: z.string(), isSocial: z.boolean().default(false) }))
    .default([]),
  user_metadata: z.record(z.string(), z.unknown()).nullish(),
  app_metadata: z.record(z.string(), z.unknown()).nullish(),
  updated_at: z.string(),
  blocked: z.boolean().default(false),
});

const usersByEmailSchema = z.array(z.object({ user_id: z.string() }));

/** The answer parsed by `schema`; it must be the user asked for (another user's record is never shown). */
export function parseUserAnswer<T extends { user_id: string }>(schema: z.ZodType<T>, body: unknown, userId: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Auth0UnavailableError('malformed');
  if (parsed.data.user_id !== userId) throw new Auth0UnavailableError('mismatch');
  return parsed.data;
}

/** The answer as a StoredUser. */
function toStoredUser(body: unknown, userId: string): StoredUser {
  const user = parseUserAnswer(userSchema, body, userId);
  return {
    userId: user.user_id,
    email: user.email,
    emailVerified: user.email_verified,
    picture: user.picture ?? null,
    identities: user.identities,
    userMetadata: user.user_metadata ?? {},
    appMetadata: user.app_metadata ?? {},
    updatedAt: user.updated_at,
    blocked: user.blocked,
  };
}

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
    async emailTakenByOther(email, userId) {
      const body = await withRetry(() => client.users.listUsersByEmail({ email, fields: 'user_id', include_fields: true }), READ_POLICY);
      const parsed = usersByEmailSchema.safeParse(body);
      if (!parsed.success) throw new Auth0UnavailableError('malformed');
      return parsed.data.some((user) => user.user_id !== userId);
    },
  };
}
