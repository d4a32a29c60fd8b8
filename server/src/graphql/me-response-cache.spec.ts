import type { GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import type { ProfileService, ProfileView } from '../profile/profile.service';
import type { GraphQLContext } from './context';
import { MeResponseCache } from './me-response-cache';

const MAX_BYTES = 64 * 1024;
const CONTENT_TYPE = new Map([['content-type', 'application/json; charset=utf-8']]);

/** A context whose profile service answers `me` with the given version and holds it as fresh. */
function contextOf(userId: string, version: number): GraphQLContext {
  const caller: Caller = { userId, scopes: new Set([Permission.readProfile]), signedInAt: null };
  const view = { id: userId, updatedAt: new Date(version), lastKnown: null } as unknown as ProfileView;
  const profiles = { me: () => Promise.resolve(view), cachedVersion: () => Promise.resolve(version) } as unknown as ProfileService;
  return { caller, profiles } as unknown as GraphQLContext;
}

/** One request as the handler and Apollo run it: replay, else execute `query` (me through the context) and offer the answer. */
async function answer(cache: MeResponseCache, body: { query: string; operationName?: string; variables?: object }, accept: string, context: GraphQLContext) {
  const request = cache.forRequest(body, accept);
  if (!request) throw new Error('not cacheable');
  const replayed = await request.replay(context);
  if (replayed) return { replayed: replayed.body };
  const operation = parse(body.query).definitions[0] as OperationDefinitionNode;
  const view = await context.profiles.me(context.caller!.userId);
  const listener = (await cache.plugin().requestDidStart!({} as never)) as GraphQLRequestListener<GraphQLContext>;
  await listener.willSendResponse!({ contextValue: { ...context }, operation, response: { body: { kind: 'single', singleResult: {} } } } as unknown as GraphQLRequestContextWillSendResponse<GraphQLContext>);
  const executed = `{"data":{"me":{"id":${JSON.stringify(view.id)}}}}`;
  request.keep(context, { status: 200, headers: CONTENT_TYPE, body: executed });
  return { executed };
}

it('keeps at most its byte bound, however many distinct documents are answered', async () => {
  const cache = new MeResponseCache({ maxEntries: 10_000, maxBytes: MAX_BYTES });
  for (let i = 0; i < 2_000; i += 1) {
    await answer(cache, { query: `{ me { id } } # ${i}`.padEnd(1_000, 'x') }, 'application/json', contextOf(`auth0|${i}`, 1));
  }
  expect(cache.sizeBytes).toBeGreaterThan(MAX_BYTES / 2);
  expect(cache.sizeBytes).toBeLessThanOrEqual(MAX_BYTES);
});

it('keeps no answer whose key and body exceed the per-entry bound', async () => {
  const cache = new MeResponseCache({ maxEntries: 10, maxBytes: MAX_BYTES });
  const big = { query: '{ me { id } }', variables: { pad: 'x'.repeat(20_000) } };
  const context = contextOf('auth0|big', 1);
  await answer(cache, big, 'application/json', context);
  expect(cache.sizeBytes).toBe(0);
  expect(await answer(cache, big, 'application/json', context)).toHaveProperty('executed');
});

it('gives users whose ids and requests would join to the same text different keys', async () => {
  const cache = new MeResponseCache({ maxEntries: 10, maxBytes: MAX_BYTES });
  const victim = { query: 'query Me { me { id } }\n\nfragment F on Profile { id }', operationName: 'Me' };
  await answer(cache, victim, 'application/json', contextOf('auth0|v', 1));
  expect(await answer(cache, victim, 'application/json', contextOf('auth0|v', 1))).toEqual({ replayed: '{"data":{"me":{"id":"auth0|v"}}}' });
  const attack = { query: 'fragment F on Profile { id }', operationName: '\nquery Me { me { id } }' };
  const forAttacker = cache.forRequest(attack, 'Me');
  expect(await forAttacker!.replay(contextOf('auth0|v\napplication/json', 1))).toBeUndefined();
});

it('replays an answer only while the profile cache holds the version it was built from', async () => {
  const cache = new MeResponseCache({ maxEntries: 10, maxBytes: MAX_BYTES });
  const body = { query: '{ me { id } }' };
  await answer(cache, body, '*/*', contextOf('auth0|a', 1));
  expect(await answer(cache, body, '*/*', contextOf('auth0|a', 1))).toHaveProperty('replayed');
  expect(await answer(cache, body, '*/*', contextOf('auth0|a', 2))).toHaveProperty('executed');
});

it('keeps no answer to a query that selects more than me at its root', async () => {
  const cache = new MeResponseCache({ maxEntries: 10, maxBytes: MAX_BYTES });
  const body = { query: '{ me { id } myData { format } }' };
  await answer(cache, body, '*/*', contextOf('auth0|a', 1));
  expect(cache.sizeBytes).toBe(0);
});
