import { METADATA_FIELD_KEYS, type MetadataFieldKey } from 'profile-shape';
import seed from '../../../local-auth0/seed.json';
import type { ProfileFieldsFragment } from '../app/graphql/generated';

const ada = seed.users.find((user) => user.email === 'ada@example.com');
if (!ada) throw new Error('seed.json has no ada');
const stored: Partial<Record<string, string>> = ada.user_metadata;

/** ada from the local tenant's seed, as the API returns her (fields from the seed and the shape). Test data only. */
export const ADA_PROFILE: ProfileFieldsFragment = {
  __typename: 'Profile',
  id: ada.user_id,
  email: ada.email,
  emailVerified: ada.email_verified,
  ...(Object.fromEntries(METADATA_FIELD_KEYS.map((key) => [key, stored[key] ?? null])) as Record<MetadataFieldKey, string | null>),
  picture: null,
  connection: ada.connection,
  canChangeEmail: true,
  emailChangeMode: 'VERIFY_FIRST',
  updatedAt: '2026-01-01T00:00:00.000Z',
  lastKnown: null,
  pendingEmailChange: null,
};
