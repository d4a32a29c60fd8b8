import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { map, type Observable } from 'rxjs';
import { DeleteMyAccountDocument, MyDataDocument, SendPasswordResetEmailDocument, type MyDataQuery } from '../graphql/generated';

export type AccountExport = MyDataQuery['myData'];

/** The account as a whole, through the API (provided with Apollo on the page routes). */
@Injectable()
export class AccountApi {
  private readonly apollo = inject(Apollo);

  /** Always from the network and never cached: the download says what Auth0 holds now. */
  exportData(): Observable<AccountExport> {
    return this.apollo.query({ query: MyDataDocument, fetchPolicy: 'no-cache' }).pipe(
      map((result) => {
        if (!result.data) throw new Error('The server returned no data');
        return result.data.myData;
      }),
    );
  }

  /** Auth0 mails a reset link to the address on file; completes when the request was taken. */
  sendPasswordReset(): Observable<void> {
    return this.apollo.mutate({ mutation: SendPasswordResetEmailDocument }).pipe(map(() => undefined));
  }

  /** Deletes the account; `confirm` must be its email address. Needs a recent sign-in (see StepUp). */
  deleteAccount(confirm: string): Observable<void> {
    return this.apollo.mutate({ mutation: DeleteMyAccountDocument, variables: { confirm } }).pipe(map(() => undefined));
  }
}
