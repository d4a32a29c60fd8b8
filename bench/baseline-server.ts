// Baseline for the bench: a bare Apollo Server 5 on Express 5 answering `me` with a constant,
// no auth and no upstream, so it measures only what the stack itself costs.
import { METADATA_FIELD_KEYS } from 'profile-shape';
import seed from '../local-auth0/seed.json';
import { listenApollo, portFromEnv } from './lib/express-apollo';

const [ada] = seed.users;
const stored: Partial<Record<string, string>> = ada?.user_metadata ?? {};
const profile = {
  id: ada?.user_id,
  email: ada?.email,
  emailVerified: true,
  ...Object.fromEntries(METADATA_FIELD_KEYS.map((key) => [key, stored[key] ?? null])),
  picture: ada?.picture,
  connection: 'Username-Password-Authentication',
  canChangeEmail: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

void listenApollo({ Query: { me: () => profile } }, portFromEnv());
