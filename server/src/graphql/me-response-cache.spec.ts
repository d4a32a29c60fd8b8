import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import type { GraphQLContext } from './context';
import { MeResponseCache } from './me-response-cache';

const MAX_BYTES = 64 * 1024;

function contextOf(userId: string, version: number): GraphQLContext {
  const caller: Caller = { userId, scopes: new Set([Permission.readProfile]), signedInAt: null };
  return {
    caller,
    answeredVersion: version,
    profiles: { cachedVersion: () => Promise.resolve(version) },
  } as unknown as GraphQLContext;
}

const answer = (text: string) => ({ status: 200, contentType: 'application/json; charset=utf-8', body: text });

it('keeps at most its byte bound, however many distinct documents are answered', () => {
  const cache = new MeResponseCache({ maxEntries: 10_000, maxBytes: MAX_BYTES });
  for (let i = 0; i < 2_000; i += 1) {
    const key = cache.requestKey({ query: `{ me { id } } # ${i}`.padEnd(1_000, 'x') }, 'application/json');
    cache.store(key!, contextOf(`auth0|${i}`, 1), answer(`{"data":{"me":{"id":"auth0|${i}"}}}`));
  }
  expect(cache.sizeBytes).toBeGreaterThan(MAX_BYTES / 2);
  expect(cache.sizeBytes).toBeLessThanOrEqual(MAX_BYTES);
});

it('keeps no answer whose key and body exceed the per-entry bound', async () => {
  const cache = new MeResponseCache({ maxEntries: 10, maxBytes: MAX_BYTES });
  const key = cache.requestKey({ query: '{ me { id } }', variables: { pad: 'x'.repeat(20_000) } }, undefined);
  const context = contextOf('auth0|big', 1);
  cache.store(key!, context, answer('{"data":{"me":{"id":"auth0|big"}}}'));
  expect(cache.sizeBytes).toBe(0);
  expect(await cache.lookup(key!, context)).toBeUndefined();
});

it('gives users whose ids and requests would join to the same text different keys', async () => {
  const cache = new MeResponseCache({ maxEntries: 10, maxBytes: MAX_BYTES });
  const victim = cache.requestKey({ query: 'op\n\nfrag', operationName: 'Me' }, 'application/json');
  cache.store(victim!, contextOf('auth0|v', 1), answer('{"data":{"me":{"id":"auth0|v"}}}'));
  const attack = cache.requestKey({ query: 'frag', operationName: '\nop' }, 'Me');
  expect(await cache.lookup(attack!, contextOf('auth0|v\napplication/json', 1))).toBeUndefined();
  expect(await cache.lookup(victim!, contextOf('auth0|v', 1))).toMatchObject({ body: '{"data":{"me":{"id":"auth0|v"}}}' });
});
