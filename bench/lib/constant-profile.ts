// The `me` both reference servers answer: a constant, no auth and no upstream, so they measure
// only what their stack itself costs.
export const CONSTANT_PROFILE = {
  id: 'auth0|64f1a2b3c4d5e6f708192a3b',
  email: 'ada@example.com',
  emailVerified: true,
  firstName: 'Ada',
  lastName: 'Lovelace',
  picture: 'https://s.gravatar.com/avatar/ada?s=480&d=identicon',
  connection: 'Username-Password-Authentication',
  canChangeEmail: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
};
