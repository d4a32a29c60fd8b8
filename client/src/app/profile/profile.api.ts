import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { map, type Observable } from 'rxjs';
import {
  CancelEmailChangeDocument,
  ConfirmEmailChangeDocument,
  MeDocument,
  RequestEmailChangeDocument,
  UpdateProfileDocument,
  type EmailChangeMode,
  type ProfileFieldsFragment,
  type UpdateProfileInput,
} from '../graphql/generated';
import { classifyApiError } from '../graphql/api-failure';
import { loadErrorMessage } from './load-error';

export type Profile = ProfileFieldsFragment;
export type PendingEmailChange = NonNullable<ProfileFieldsFragment['pendingEmailChange']>;

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
      .pipe(map((result) => answered(result.data).updateProfile));
  }

  /**
   * VERIFY_FIRST: mails a link to the new address, and the pending change is written into the
   * cached `me`. IMMEDIATE: the address switches at once, so `me` is read again.
   */
  requestEmailChange(email: string, mode: EmailChangeMode): Observable<PendingEmailChange> {
    const verifyFirst = mode === 'VERIFY_FIRST';
    return this.apollo
      .mutate({
        mutation: RequestEmailChangeDocument,
        variables: { email },
        update: (cache, result) => {
          const pending = result.data?.requestEmailChange;
          if (pending && verifyFirst) cache.updateQuery({ query: MeDocument }, (data) => data && { me: { ...data.me, pendingEmailChange: pending } });
        },
        refetchQueries: verifyFirst ? [] : [{ query: MeDocument }],
        awaitRefetchQueries: true,
      })
      .pipe(map((result) => answered(result.data).requestEmailChange));
  }

  /** Switches to the pending address with the link's token; the answer replaces the cached profile. */
  confirmEmailChange(token: string): Observable<Profile> {
    return this.apollo
      .mutate({ mutation: ConfirmEmailChangeDocument, variables: { token } })
      .pipe(map((result) => answered(result.data).confirmEmailChange));
  }

  cancelEmailChange(): Observable<Profile> {
    return this.apollo.mutate({ mutation: CancelEmailChangeDocument }).pipe(map((result) => answered(result.data).cancelEmailChange));
  }
}

function answered<T>(data: T | null | undefined): T {
  if (!data) throw new Error('The server returned no profile');
  return data;
}
