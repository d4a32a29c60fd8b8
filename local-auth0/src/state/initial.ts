import type { Seed, SeedUser } from '../config/seed';
import { generateKeyRing } from '../keys';
import { hashPassword } from '../passwords';
import type { KeyRing, StoredUser, TenantState } from './types';

/** Seed passwords are hashed once per process: resets between tests would otherwise pay scrypt each time. */
const seedHashes = new WeakMap<SeedUser, Promise<string>>();

function seedPasswordHash(seed: SeedUser, password: string): Promise<string> {
  let hash = seedHashes.get(seed);
  if (!hash) {
    hash = hashPassword(password);
    seedHashes.set(seed, hash);
  }
  return hash;
}

async function storedUser(seed: SeedUser, now: string): Promise<StoredUser> {
  const { password, ...profile } = seed;
  const user: StoredUser = { ...structuredClone(profile), created_at: now, updated_at: now, logins_count: 0 };
  if (password !== undefined) user.password_hash = await seedPasswordHash(seed, password);
  for (const key of Object.keys(user) as (keyof StoredUser)[]) if (user[key] === undefined) delete user[key];
  return user;
}

/** The state a tenant starts from: the seed's users, and the given keys (or new ones). */
export async function initialState(seed: Seed, keys?: KeyRing): Promise<TenantState> {
  const now = new Date().toISOString();
  return {
    version: 1,
    keys: keys ?? (await generateKeyRing()),
    users: await Promise.all(seed.users.map((u) => storedUser(u, now))),
    refreshTokens: {},
    sessions: {},
  };
}
