import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { KeyRing, StoredKey } from './state/types';

async function generateKey(): Promise<StoredKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  return {
    kid,
    privateJwk: { ...privateJwk, kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' },
    createdAt: new Date().toISOString(),
  };
}

export async function generateKeyRing(): Promise<KeyRing> {
  const [current, next] = await Promise.all([generateKey(), generateKey()]);
  return { current, next };
}

/** Auth0's rotation: the next key becomes current, the old current stays published as previous. */
export async function rotateKeyRing(ring: KeyRing): Promise<KeyRing> {
  return { previous: ring.current, current: ring.next, next: await generateKey() };
}

export function publishedKeys(ring: KeyRing): JWK[] {
  const keys = ring.previous ? [ring.previous, ring.current, ring.next] : [ring.current, ring.next];
  return keys.map(({ publicJwk }) => ({ kty: publicJwk.kty, use: 'sig', alg: 'RS256', kid: publicJwk.kid, n: publicJwk.n, e: publicJwk.e }));
}

const imported = new Map<string, Promise<CryptoKey>>();

/** Imported keys are cached by kid: importing an RSA JWK on every signature is wasteful. */
export function importKey(jwk: JWK): Promise<CryptoKey> {
  const cacheKey = `${jwk.kid}:${jwk.d ? 'private' : 'public'}`;
  let key = imported.get(cacheKey);
  if (!key) {
    key = importJWK(jwk, 'RS256') as Promise<CryptoKey>;
    imported.set(cacheKey, key);
  }
  return key;
}
