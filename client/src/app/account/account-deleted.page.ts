import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Where the app lands, signed out, after the account was deleted. */
@Component({
  selector: 'app-account-deleted-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="deleted-title">
      <h1 id="deleted-title">Your account has been deleted</h1>
      <p>Your profile and your sign-in are gone, and you are signed out. We sent a confirmation to your email address.</p>
      <a class="button-link" routerLink="/">Back to the start page</a>
    </section>
  `,
})
export class AccountDeletedPage {}
