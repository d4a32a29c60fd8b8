import { InMemoryCache } from '@apollo/client/core';

/**
 * A Profile is one entity per user, keyed by id: the mutation's result overwrites it and
 * every query holding a reference to it (`me` on the home and profile pages) re-renders.
 */
export function createApolloCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // The last-known mark has no id: each answer's mark (or null) simply replaces the previous one.
      Profile: { keyFields: ['id'], fields: { lastKnown: { merge: false } } },
    },
  });
}
