import type { ManagementClient } from 'auth0';
import { z } from 'zod';
import { inManagementSpan } from './management-span';
import { READ_POLICY, withRetry, WRITE_POLICY } from './retry';
import { parseUserAnswer } from './users';

/** An identity as the export shows it: which provider and account, never the provider's tokens. */
export interface AccountIdentity {
  provider: string;
  connection: string;
  /** The id at the provider (no provider prefix). */
  userId: string;
  isSocial: boolean;
}

/** What Auth0 holds about a user that is the user's own data (app_metadata is not read at all). */
export interface AccountRecord {
  userId: string;
  email: string;
  emailVerified: boolean;
  username: string | null;
  phoneNumber: string | null;
  phoneVerified: boolean | null;
  name: string | null;
  nickname: string | null;
  givenName: string | null;
  familyName: string | null;
  picture: string | null;
  createdAt: string | null;
  updatedAt: string;
  lastLogin: string | null;
  lastIp: string | null;
  loginsCount: number;
  identities: AccountIdentity[];
  userMetadata: Record<string, unknown>;
}

/** Management API calls about the account as a whole (the export and the deletion). */
export interface ManagementAccounts {
  readAccount(userId: string): Promise<AccountRecord>;
  /** DELETE /api/v2/users/{id}; Auth0UserNotFoundError when it is already gone. */
  deleteUser(userId: string): Promise<void>;
}

// Asked for by name so app_metadata (other systems' data, the pending email change's hash) never
// reaches this process for an export; identities are read key by key below, so provider tokens
// (access_token, refresh_token; sent with read:user_idp_tokens) are dropped.
const FIELDS = [
  'user_id', 'email', 'email_verified', 'username', 'phone_number', 'phone_verified', 'name', 'nickname', 'given_name',
  'family_name', 'picture', 'created_at', 'updated_at', 'last_login', 'last_ip', 'logins_count', 'identities', 'user_metadata',
];

const text = z.string().nullish().transform((value) => value ?? null);

const accountSchema = z.object({
  user_id: z.string(),
  email: z.string().default(''),
  email_verified: z.boolean().default(false),
  username: text,
  phone_number: text,
  phone_verified: z.boolean().nullish().transform((value) => value ?? null),
  name: text,
  nickname: text,
  given_name: text,
  family_name: text,
  picture: text,
  created_at: text,
  updated_at: z.string(),
  last_login: text,
  last_ip: text,
  logins_count: z.number().int().nonnegative().default(0),
  identities: z
    .array(z.object({ provider: z.string(), connection: z.string(), user_id: z.coerce.string(), isSocial: z.boolean().default(false) }))
    .default([]),
  user_metadata: z.record(z.string(), z.unknown()).nullish(),
});

function toAccountRecord(body: unknown, userId: string): AccountRecord {
  const user = parseUserAnswer(accountSchema, body, userId);
  return {
    userId: user.user_id,
    email: user.email,
    emailVerified: user.email_verified,
    username: user.username,
    phoneNumber: user.phone_number,
    phoneVerified: user.phone_verified,
    name: user.name,
    nickname: user.nickname,
    givenName: user.given_name,
    familyName: user.family_name,
    picture: user.picture,
    createdAt: user.created_at,
    updatedAt: user.updated_at,
    lastLogin: user.last_login,
    lastIp: user.last_ip,
    loginsCount: user.logins_count,
    identities: user.identities.map(({ provider, connection, user_id, isSocial }) => ({ provider, connection, userId: user_id, isSocial })),
    userMetadata: user.user_metadata ?? {},
  };
}

export function createManagementAccounts(client: ManagementClient): ManagementAccounts {
  return {
    async readAccount(userId) {
      const read = () => client.users.get(userId, { fields: FIELDS.join(','), include_fields: true });
      const body = await inManagementSpan('users.get', () => withRetry(read, READ_POLICY));
      return toAccountRecord(body, userId);
    },
    async deleteUser(userId) {
      // Not retried after a 5xx (it may have been applied); a retry by the user that finds the account gone counts as deleted.
      await inManagementSpan('users.delete', () => withRetry(() => client.users.delete(userId), WRITE_POLICY));
    },
  };
}
