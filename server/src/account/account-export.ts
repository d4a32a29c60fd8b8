import type { AccountRecord } from '../auth0/accounts';

/** Bump on any change to the export's shape other than an added field. */
const EXPORT_FORMAT_VERSION = 1;

/** The root attributes the export groups under `profile`. */
const PROFILE_KEYS = ['email', 'emailVerified', 'username', 'phoneNumber', 'phoneVerified', 'name', 'nickname', 'givenName', 'familyName', 'picture'] as const;

/** The export as the API answers it (AccountExport in the schema). */
export interface AccountExportView {
  formatVersion: number;
  exportedAt: Date;
  userId: string;
  profile: Pick<AccountRecord, (typeof PROFILE_KEYS)[number]>;
  userMetadata: Record<string, unknown>;
  identities: AccountRecord['identities'];
  activity: { createdAt: Date | null; updatedAt: Date; lastLogin: Date | null; lastIp: string | null; loginsCount: number };
  leftOut: { field: string; reason: string }[];
}

/** What Auth0 keeps that the export never carries; the list travels in every export file. */
const LEFT_OUT: readonly { field: string; reason: string }[] = [
  {
    field: 'app_metadata',
    reason:
      'Data other systems attach to the account (their settings, ids and secrets) and the pending email change (a hash of its one-time link). It is not data you gave, and some of it would let others act in your name; it is never read for an export.',
  },
  {
    field: 'identities[].access_token, identities[].refresh_token, identities[].access_token_secret',
    reason: 'Tokens your sign-in provider issued to Auth0: credentials, not data about you. Whoever holds them could act as you at the provider.',
  },
  { field: 'password', reason: 'Auth0 keeps only a one-way hash of it, which no API can read.' },
];

const date = (value: string | null) => (value === null ? null : new Date(value));

export function toAccountExport(record: AccountRecord, now: Date): AccountExportView {
  return {
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now,
    userId: record.userId,
    profile: Object.fromEntries(PROFILE_KEYS.map((key) => [key, record[key]])) as AccountExportView['profile'],
    userMetadata: record.userMetadata,
    identities: record.identities,
    activity: {
      createdAt: date(record.createdAt),
      updatedAt: new Date(record.updatedAt),
      lastLogin: date(record.lastLogin),
      lastIp: record.lastIp,
      loginsCount: record.loginsCount,
    },
    leftOut: LEFT_OUT.map((entry) => ({ ...entry })),
  };
}
