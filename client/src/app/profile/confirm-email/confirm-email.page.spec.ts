import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Apollo } from 'apollo-angular';
import { firstValueFrom, of, throwError, type Observable } from 'rxjs';
import type { ApolloLink } from '@apollo/client/core';
import { graphQLError } from '../../../testing/graphql-errors';
import { configurePage, settle, signInRequests } from '../../../testing/profile-page';
import { ADA_PROFILE as ada } from '../../../testing/profiles';
import { MeDocument } from '../../graphql/generated';
import { ConfirmEmailPage } from './confirm-email.page';

@Component({ template: '' })
class Blank {}

/** The confirm page opened at `url`, with ada cached as `me` and ConfirmEmailChange answered by `answer`. */
async function open(url: string, answer: () => Observable<ApolloLink.Result> = () => of({ data: { confirmEmailChange: switched } })) {
  const tokens: string[] = [];
  configurePage(ada, { ConfirmEmailChange: (variables) => (tokens.push(String(variables['token'])), answer()) }, {
    providers: [provideRouter([{ path: 'profile/confirm-email', component: ConfirmEmailPage }, { path: 'profile', component: Blank }])],
  });
  await firstValueFrom(TestBed.inject(Apollo).query({ query: MeDocument }));
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await settle(harness.fixture);
  const page = harness.routeNativeElement as HTMLElement;
  const result = () => page.querySelector('[data-testid=confirm-result]')?.textContent?.trim();
  return { tokens, page, result };
}

const switched = { ...ada, email: 'ada@lovelace.org', emailVerified: true };

describe('ConfirmEmailPage', () => {
  it('spends the token from the link, takes it out of the address, and the cached profile shows the new address', async () => {
    const { tokens, result } = await open('/profile/confirm-email?token=tok-123');
    expect(tokens).toEqual(['tok-123']);
    expect(result()).toBe('Your email is now ada@lovelace.org.');
    expect(TestBed.inject(Location).path()).toBe('/profile/confirm-email');
    expect(window.location.href).not.toContain('tok-123');
    expect(TestBed.inject(Apollo).client.readQuery({ query: MeDocument })?.me).toMatchObject({ email: 'ada@lovelace.org', emailVerified: true });
  });

  it.each([
    ['EMAIL_CHANGE_INVALID', 'This link cannot be used: it was already used, a newer link replaced it, the change was cancelled, or it is for another account. Nothing was changed.'],
    ['EMAIL_CHANGE_EXPIRED', 'This link has expired, so nothing was changed. Request a new one from your profile.'],
  ])('says clearly what %s means, changes nothing in the cache, and still drops the token', async (code, message) => {
    const { result } = await open('/profile/confirm-email?token=tok-123', () => throwError(() => graphQLError('x', { code })));
    expect(result()).toBe(message);
    expect(TestBed.inject(Location).path()).toBe('/profile/confirm-email');
    expect(TestBed.inject(Apollo).client.readQuery({ query: MeDocument })?.me.email).toBe(ada.email);
  });

  it('without a token, asks for the link from the mail and sends nothing', async () => {
    const { tokens, result } = await open('/profile/confirm-email');
    expect(tokens).toEqual([]);
    expect(result()).toBe('This page needs the link from the mail we sent to your new address. Open the mail and follow its link.');
  });

  it('offers to sign in again when the session ended', async () => {
    const { page, result } = await open('/profile/confirm-email?token=tok-123', () => throwError(() => graphQLError('x', { code: 'UNAUTHENTICATED' })));
    expect(result()).toBe('Your session has ended. Sign in again to continue.');
    signInRequests.length = 0;
    page.querySelector<HTMLButtonElement>('[data-testid=confirm-result] + button')?.click();
    expect(signInRequests).toEqual(['/profile']);
  });
});
