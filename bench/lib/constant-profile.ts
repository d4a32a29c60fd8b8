// The `me` both reference servers answer: a constant, no auth and no upstream, so they measure
// only what their stack itself costs. Built from the seed and the shared shape (no field list here).
import { METADATA_FIELD_KEYS } from 'profile-shape';
import seed from '../../local-auth0/seed.json';

const [ada] = seed.users;
const stored: Partial<Record<string, string>> = ada?.user_metadata ?? {};

export const CONSTANT_PROFILE = {
  id: ada?.user_id,
  email: ada?.email,
  emailVerified: true,
  ...Object.fromEntries(METADATA_FIELD_KEYS.map((key) => [key, stored[key] ?? null])),
  picture: ada?.picture,
  connection: 'Username-Password-Authentication',
  canChangeEmail: true,
  emailChangeMode: 'VERIFY_FIRST',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
