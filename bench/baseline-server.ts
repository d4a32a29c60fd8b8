// Baseline for the bench: a bare Apollo Server 5 on Express 5 answering `me` with a constant,
// no auth and no upstream, so it measures only what the stack itself costs.
import { listenApollo, portFromEnv } from './lib/express-apollo';

const profile = {
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

void listenApollo({ Query: { me: () => profile } }, portFromEnv());
