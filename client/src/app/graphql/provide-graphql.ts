import { inject, type Provider } from '@angular/core';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { createApolloCache } from './apollo-cache';

/**
 * Apollo for the API. Provided on the lazy page routes, not at the root, so the GraphQL
 * client stays out of the initial bundle; the pages below share one client and one cache.
 */
export function provideGraphQL(): Provider {
  return provideApollo(() => ({
    link: inject(HttpLink).create({ uri: inject(RUNTIME_CONFIG).apiUrl }),
    cache: createApolloCache(),
  }));
}
