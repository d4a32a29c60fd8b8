import { readFileSync } from 'node:fs';

export interface SeedGrant { audience: string; scope: string[] }
export interface SeedClient {
  clientId: string;
  clientSecret?: string;
  name: string;
  type: 'spa' | 'm2m';
  callbacks: string[];
  allowedLogoutUrls: string[];
  webOrigins: string[];
  grants: SeedGrant[];
}
/** An API (Auth0: Applications > APIs); `scopes` are its permissions, the only non-OIDC scopes a user token for it may carry. */
export interface SeedResourceServer { identifier: string; name: string; signingAlg: 'RS256'; tokenLifetime: number; scopes: string[] }
export interface SeedUser {
  user_id: string;
  email: string;
  email_verified: boolean;
  connection: string;
  password?: string;
  name?: string;
  nickname?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
  user_metadata: Record<string, unknown>;
  app_metadata: Record<string, unknown>;
}
export interface Seed {
  clients: SeedClient[];
  resourceServers: SeedResourceServer[];
  users: SeedUser[];
}

/** Thrown for a seed file that cannot be used; the message names the file and the field. */
export class SeedError extends Error {
  override name = 'SeedError';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(o: Obj, key: string, where: string, optional = false): string | undefined {
  const v = o[key];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || v === '') throw new SeedError(`${where}.${key} must be a non-empty string`);
  return v;
}

function strings(o: Obj, key: string, where: string): string[] {
  const v = o[key] ?? [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw new SeedError(`${where}.${key} must be an array of strings`);
  return v as string[];
}

function list(o: Obj, key: string): Obj[] {
  const v = o[key];
  if (!Array.isArray(v) || !v.every(isObj)) throw new SeedError(`"${key}" must be an array of objects`);
  return v;
}

function parseClient(c: Obj, i: number): SeedClient {
  const where = `clients[${i}]`;
  const type = c.type;
  if (type !== 'spa' && type !== 'm2m') throw new SeedError(`${where}.type must be "spa" or "m2m"`);
  const grants = (Array.isArray(c.grants) ? c.grants : []).map((g: unknown, j: number) => {
    if (!isObj(g)) throw new SeedError(`${where}.grants[${j}] must be an object`);
    return { audience: str(g, 'audience', `${where}.grants[${j}]`)!, scope: strings(g, 'scope', `${where}.grants[${j}]`) };
  });
  const clientSecret = str(c, 'clientSecret', where, true);
  if (type === 'm2m' && !clientSecret) throw new SeedError(`${where}.clientSecret is required for an m2m client`);
  return {
    clientId: str(c, 'clientId', where)!, clientSecret, name: str(c, 'name', where)!, type,
    callbacks: strings(c, 'callbacks', where), allowedLogoutUrls: strings(c, 'allowedLogoutUrls', where),
    webOrigins: strings(c, 'webOrigins', where), grants,
  };
}

const USER_ID = /^(auth0\|[0-9a-f]{24}|[a-z0-9-]+\|[0-9A-Za-z]+)$/;

function parseUser(u: Obj, i: number): SeedUser {
  const where = `users[${i}]`;
  const userId = str(u, 'user_id', where)!;
  if (!USER_ID.test(userId)) throw new SeedError(`${where}.user_id "${userId}" must look like "auth0|<24 hex>" or "<provider>|<id>"`);
  const connection = str(u, 'connection', where)!;
  const isDatabase = userId.startsWith('auth0|');
  const password = str(u, 'password', where, !isDatabase);
  const metadata = (key: string): Obj => {
    const v = u[key] ?? {};
    if (!isObj(v)) throw new SeedError(`${where}.${key} must be an object`);
    return v;
  };
  const optional = (key: string) => str(u, key, where, true);
  return {
    user_id: userId, email: str(u, 'email', where)!, email_verified: u.email_verified === true, connection,
    password, name: optional('name'), nickname: optional('nickname'), given_name: optional('given_name'),
    family_name: optional('family_name'), picture: optional('picture'),
    user_metadata: metadata('user_metadata'), app_metadata: metadata('app_metadata'),
  };
}

function parseSeed(raw: unknown): Seed {
  if (!isObj(raw)) throw new SeedError('the seed must be a JSON object');
  const clients = list(raw, 'clients').map(parseClient);
  const resourceServers = list(raw, 'resourceServers').map((r, i) => {
    const where = `resourceServers[${i}]`;
    if (r.signingAlg !== 'RS256') throw new SeedError(`${where}.signingAlg must be "RS256"`);
    const lifetime = r.tokenLifetime ?? 86400;
    if (typeof lifetime !== 'number' || lifetime <= 0) throw new SeedError(`${where}.tokenLifetime must be a positive number`);
    const scopes = strings(r, 'scopes', where);
    return { identifier: str(r, 'identifier', where)!, name: str(r, 'name', where)!, signingAlg: 'RS256' as const, tokenLifetime: lifetime, scopes };
  });
  const users = list(raw, 'users').map(parseUser);
  if (!clients.some((c) => c.type === 'spa')) throw new SeedError('the seed needs at least one "spa" client');
  const ids = new Set(users.map((u) => u.user_id));
  if (ids.size !== users.length) throw new SeedError('users[].user_id values must be unique');
  return { clients, resourceServers, users };
}

export function loadSeed(file: string): Seed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SeedError(`Cannot read the seed file ${file}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new SeedError(`The seed file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return parseSeed(raw);
  } catch (e) {
    throw new SeedError(`The seed file ${file} is invalid: ${(e as Error).message}`);
  }
}
