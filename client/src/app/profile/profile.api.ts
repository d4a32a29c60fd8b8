import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { map, type Observable } from 'rxjs';
import {
  MeDocument,
  UpdateProfileDocument,
  type ProfileFieldsFragment,
  type UpdateProfileInput,
} from '../graphql/generated';
import { classifyApiError } from '../graphql/api-failure';
import { loadErrorMessage } from './load-error';

export type Profile = ProfileFieldsFragment;

export type MeView =
  | { status: 'loading' }
  | { status: 'ready'; profile: Profile }
  | { status: 'error'; message: string; signInAgain: boolean };

/** The app's only door to the GraphQL API (provided with Apollo on the page routes). */
@Injectable()
export class ProfileApi {
  private readonly apollo = inject(Apollo);
  private readonly meQuery = this.apollo.watchQuery({
    query: MeDocument,
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: true,
  });

  /** `me` from the cache, refreshed from the network on first use; follows every later update. */
  readonly me$: Observable<MeView> = this.meQuery.valueChanges.pipe(
    map((result): MeView => {
      if (result.dataState === 'complete') return { status: 'ready', profile: result.data.me };
      if (result.error) {
        const signInAgain = classifyApiError(result.error).kind === 'unauthenticated';
        return { status: 'error', message: loadErrorMessage(result.error), signInAgain };
      }
      return { status: 'loading' };
    }),
  );

  reloadMe(): void {
    void this.meQuery.refetch().catch(() => undefined);
  }

  update(input: UpdateProfileInput): Observable<Profile> {
    return this.apollo
      .mutate({ mutation: UpdateProfileDocument, variables: { input } })
      .pipe(map((result) => {
        if (!result.data) throw new Error('The server returned no profile');
        return result.data.updateProfile;
      }));
  }
}
