// A seed for the bench tenant: the committed seed plus generated database users, so `me` can
// run with many distinct users. Written to a temp folder and handed to the tenant as seedFile.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_SEED_FILE } from 'local-auth0';
import { METADATA_FIELD_KEYS, PROFILE_SHAPE } from 'profile-shape';

interface SeedUser {
  user_id: string;
  [key: string]: unknown;
}

interface Seed {
  users: SeedUser[];
  [key: string]: unknown;
}

function benchUser(index: number): SeedUser {
  const n = String(index).padStart(4, '0');
  return {
    // Auth0 database ids are 24 hex digits.
    user_id: `auth0|be0c${String(index).padStart(20, '0')}`,
    email: `bench-${n}@example.com`,
    email_verified: true,
    connection: 'Username-Password-Authentication',
    password: `Bench-User-${n}-pw`,
    name: `Bench User ${n}`,
    nickname: `bench-${n}`,
    picture: `https://s.gravatar.com/avatar/bench-${n}?s=480&d=identicon`,
    // One value per user_metadata field of the shape, e.g. firstName: 'Bench first name 0001'.
    user_metadata: Object.fromEntries(METADATA_FIELD_KEYS.map((key) => [key, `Bench ${PROFILE_SHAPE[key].label.toLowerCase()} ${n}`])),
  };
}

/** Writes a seed holding `userCount` users (the committed ones first) and returns its path. */
export function writeBenchSeed(userCount: number): { seedFile: string; userIds: string[] } {
  const seed = JSON.parse(readFileSync(DEFAULT_SEED_FILE, 'utf8')) as Seed;
  const extra = Array.from({ length: Math.max(0, userCount - seed.users.length) }, (_, i) => benchUser(i + 1));
  const users = [...seed.users, ...extra].slice(0, userCount);
  const seedFile = path.join(mkdtempSync(path.join(tmpdir(), 'bench-seed-')), 'seed.json');
  writeFileSync(seedFile, JSON.stringify({ ...seed, users }, null, 2));
  return { seedFile, userIds: users.map((user) => user.user_id) };
}
