import type { ProfileFieldsFragment } from '../app/graphql/generated';

/** ada from the local tenant's seed, as the API returns her. Test data only. */
export const ADA_PROFILE: ProfileFieldsFragment = {
  __typename: 'Profile',
  id: 'auth0|64f1a2b3c4d5e6f708192a3b',
  email: 'ada@example.com',
  emailVerified: true,
  firstName: 'Ada',
  lastName: 'Lovelace',
  picture: null,
  connection: 'Username-Password-Authentication',
  canChangeEmail: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  lastKnown: null,
};
