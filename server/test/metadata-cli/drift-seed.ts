import { SEED_USERS, type AddedUser } from 'local-auth0/testing';

type Metadata = Record<string, unknown>;

/**
 * The kinds of user a tenant that wrote user_metadata by hand accumulates. Each says what the
 * stored metadata is and what `repair --prefer canonical` must leave, written out by hand so
 * the tests do not check the CLI against its own logic.
 */
interface Kind {
  name: string;
  stored: (first: string, last: string) => Metadata;
  repaired: (first: string, last: string) => Metadata;
  /** Conflicting fields (a canonical key and an alias, or two aliases, differ). */
  conflicts: string[];
  /** Whether `repair` without --prefer sends a PATCH (conflicting fields are left alone). */
  patchWithoutPrefer: boolean;
}

const KINDS: Kind[] = [
  { name: 'clean', stored: (f, l) => ({ firstName: f, lastName: l }), repaired: (f, l) => ({ firstName: f, lastName: l }), conflicts: [], patchWithoutPrefer: false },
  { name: 'misspelt', stored: (f, l) => ({ firstNAme: f, lastname: l }), repaired: (f, l) => ({ firstName: f, lastName: l }), conflicts: [], patchWithoutPrefer: true },
  { name: 'snake_case', stored: (f, l) => ({ first_name: f, last_name: l }), repaired: (f, l) => ({ firstName: f, lastName: l }), conflicts: [], patchWithoutPrefer: true },
  { name: 'agreeing copy', stored: (f, l) => ({ firstName: f, firstNAme: f, lastName: l }), repaired: (f, l) => ({ firstName: f, lastName: l }), conflicts: [], patchWithoutPrefer: true },
  { name: 'empty canonical', stored: (f, l) => ({ firstName: '', first_name: f, lastName: l, lastname: '' }), repaired: (f, l) => ({ firstName: f, lastName: l }), conflicts: [], patchWithoutPrefer: true },
  { name: 'first-name conflict', stored: (f, l) => ({ firstName: f, firstNAme: `${f}ie`, lastName: l }), repaired: (f, l) => ({ firstName: f, lastName: l }), conflicts: ['firstName'], patchWithoutPrefer: false },
  { name: 'last-name conflict', stored: (f, l) => ({ lastname: l, last_name: `${l}-Smith` }), repaired: (_f, l) => ({ lastName: l }), conflicts: ['lastName'], patchWithoutPrefer: false },
  { name: 'conflict and drift', stored: (f, l) => ({ firstName: f, first_name: `${f}ie`, lastname: l }), repaired: (f, l) => ({ firstName: f, lastName: l }), conflicts: ['firstName'], patchWithoutPrefer: true },
  { name: 'clean, other keys', stored: (f) => ({ firstName: f, newsletter: true }), repaired: (f) => ({ firstName: f, newsletter: true }), conflicts: [], patchWithoutPrefer: false },
];

export interface DriftSeed {
  users: AddedUser[];
  /** user_id -> user_metadata after `repair --prefer canonical`. */
  repaired: Map<string, Metadata>;
  /** Users per user_metadata key that is not canonical (firstName, lastName). */
  keyCounts: Record<string, number>;
  conflictUsers: number;
  conflictsByField: Record<string, number>;
  /** Users holding at least one declared alias. */
  driftedUsers: number;
  /** Users needing a PATCH without --prefer (conflicting fields left alone). */
  patchesWithoutPrefer: number;
}

const FIRST = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Radia', 'Ken'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Perlman', 'Thompson'];

/** The tenant's demo users (seed.json): ada and grace are clean; alan's `firstNAme` conflicts and his `lastname` moves. */
function withDemoUsers(): DriftSeed {
  return {
    users: [],
    repaired: new Map([
      [SEED_USERS.ada.id, { firstName: 'Ada', lastName: 'Lovelace' }],
      [SEED_USERS.grace.id, { firstName: 'Grace', lastName: 'Hopper' }],
      [SEED_USERS.alan.id, { firstName: 'Alan', lastName: 'Turing' }],
    ]),
    keyCounts: { firstNAme: 1, lastname: 1 },
    conflictUsers: 1,
    conflictsByField: { firstName: 1 },
    driftedUsers: 1,
    patchesWithoutPrefer: 1,
  };
}

/**
 * `count` generated users cycling through the kinds (every third also has a `theme`, which
 * nothing may touch), with the expectations for them and the tenant's demo users together.
 */
export function driftSeed(count: number, prefix = 'drift'): DriftSeed {
  const seed = withDemoUsers();
  for (let i = 0; i < count; i += 1) {
    const kind = KINDS[i % KINDS.length]!;
    const first = `${FIRST[i % FIRST.length]}${i}`;
    const last = LAST[Math.floor(i / KINDS.length) % LAST.length]!;
    const theme = i % 3 === 0 ? { theme: i % 2 ? 'dark' : 'light' } : {};
    const stored = { ...kind.stored(first, last), ...theme };
    const userId = `auth0|${prefix}${String(i).padStart(6, '0')}`;
    seed.users.push({ user_id: userId, email: `${prefix}${i}@example.com`, user_metadata: stored });
    seed.repaired.set(userId, { ...kind.repaired(first, last), ...theme });
    for (const key of Object.keys(stored)) if (key !== 'firstName' && key !== 'lastName') seed.keyCounts[key] = (seed.keyCounts[key] ?? 0) + 1;
    const hasAlias = ['firstNAme', 'first_name', 'lastname', 'last_name'].some((k) => k in stored);
    if (hasAlias) seed.driftedUsers += 1;
    if (kind.conflicts.length) seed.conflictUsers += 1;
    for (const field of kind.conflicts) seed.conflictsByField[field] = (seed.conflictsByField[field] ?? 0) + 1;
    if (kind.patchWithoutPrefer) seed.patchesWithoutPrefer += 1;
  }
  return seed;
}
