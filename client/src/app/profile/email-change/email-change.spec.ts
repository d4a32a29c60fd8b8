import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Apollo } from 'apollo-angular';
import { Subject, of, throwError, type Observable } from 'rxjs';
import type { ApolloLink } from '@apollo/client/core';
import { graphQLError } from '../../../testing/graphql-errors';
import { el, renderPage, settle, text, type, type Answers } from '../../../testing/profile-page';
import { ADA_PROFILE as ada } from '../../../testing/profiles';
import { STAND_IN_SUB, standInAuth } from '../../../testing/stand-in-auth';
import { MeDocument, type ProfileFieldsFragment } from '../../graphql/generated';
import { expiryText } from './email-change-errors';

const EXPIRES = '2026-12-05T09:30:00.000Z';
const pendingOf = (email: string) => ({ __typename: 'PendingEmailChange' as const, email, expiresAt: EXPIRES });
const grace: ProfileFieldsFragment = { ...ada, id: 'google-oauth2|1', email: 'grace@example.com', connection: 'google-oauth2', canChangeEmail: false };

/** Every RequestEmailChange the page sent, answered by `answer` (a pending change by default). */
function requests(answer: (email: string) => Observable<ApolloLink.Result> = (email) => of({ data: { requestEmailChange: pendingOf(email) } })) {
  const sent: string[] = [];
  const answers: Answers = { RequestEmailChange: (variables) => (sent.push(String(variables['email'])), answer(String(variables['email']))) };
  return { sent, answers };
}

const sendButton = (fixture: ComponentFixture<unknown>) => el<HTMLButtonElement>(fixture, 'form[aria-labelledby=change-email-title] button[type=submit]');
const status = (fixture: ComponentFixture<unknown>) => text(fixture, '[data-testid=email-change-status]');

async function requestChange(fixture: ComponentFixture<unknown>, email: string) {
  await type(fixture, 'newEmail', email);
  sendButton(fixture).click();
  await settle(fixture);
}

const stepUpDemand = () => graphQLError('A more recent sign-in is required', { code: 'INSUFFICIENT_USER_AUTHENTICATION', maxAgeSeconds: 300 });
const stepUpReturn = { target: '/profile', stepUp: { action: 'requestEmailChange', value: { email: 'ada@lovelace.org' }, maxAgeSeconds: 300, sub: STAND_IN_SUB } };

describe('EmailChange (on the profile page)', () => {
  it('shows the current address read-only, marked when unverified, apart from the names', async () => {
    const { fixture } = await renderPage({ ...ada, emailVerified: false });
    const current = el<HTMLInputElement>(fixture, '#email');
    expect(current.value).toBe(ada.email);
    expect(current.readOnly).toBe(true);
    expect(text(fixture, '#email-unverified')).toBe('Unverified');
    expect(current.getAttribute('aria-describedby')).toBe('email-unverified');
    expect(el(fixture, 'form[aria-labelledby=names-title]').contains(current)).toBe(false);
  });

  it('tells a Google user why the email is read-only, and offers no change', async () => {
    const { fixture } = await renderPage(grace);
    expect(el<HTMLInputElement>(fixture, '#email').readOnly).toBe(true);
    expect(el(fixture, '#email').getAttribute('aria-describedby')).toBe('email-hint');
    expect(text(fixture, '#email-hint')).toBe('Your email comes from your Google account and can only be changed there.');
    expect((fixture.nativeElement as HTMLElement).querySelector('#newEmail')).toBeNull();
  });

  it('sends the new address with progress, then shows the pending change from `me`, its expiry and the cleared field', async () => {
    const answer = new Subject<ApolloLink.Result>();
    const { sent, answers } = requests(() => answer);
    const { fixture } = await renderPage(ada, answers);
    await requestChange(fixture, ' ada@lovelace.org ');

    expect(sent).toEqual(['ada@lovelace.org']);
    expect(sendButton(fixture).disabled).toBe(true);
    expect(sendButton(fixture).textContent?.trim()).toBe('Sending…');
    expect(status(fixture)).toBe('Sending the confirmation link…');

    answer.next({ data: { requestEmailChange: pendingOf('ada@lovelace.org') } });
    answer.complete();
    await settle(fixture);

    expect(status(fixture)).toBe('Link sent to ada@lovelace.org.');
    expect(text(fixture, '[data-testid=pending-email] p')).toBe(
      `We sent a link to ada@lovelace.org; it expires at ${expiryText(EXPIRES)}. Your email changes when you follow it.`,
    );
    expect(TestBed.inject(Apollo).client.readQuery({ query: MeDocument })?.me.pendingEmailChange?.email).toBe('ada@lovelace.org');
    expect(el<HTMLInputElement>(fixture, '#newEmail').value).toBe('');
    expect(el<HTMLInputElement>(fixture, '#email').value).toBe(ada.email);
  });

  it('replaces a pending change by asking again, and cancels it', async () => {
    const { sent, answers } = requests();
    const cancelled: unknown[] = [];
    answers['CancelEmailChange'] = () => (cancelled.push(true), of({ data: { cancelEmailChange: { ...ada, pendingEmailChange: null } } }));
    const { fixture } = await renderPage({ ...ada, pendingEmailChange: pendingOf('old@lovelace.org') }, answers);
    expect(text(fixture, '[data-testid=pending-email] strong')).toBe('old@lovelace.org');
    expect(sendButton(fixture).textContent?.trim()).toBe('Send a new link');

    await requestChange(fixture, 'new@lovelace.org');
    expect(sent).toEqual(['new@lovelace.org']);
    expect(text(fixture, '[data-testid=pending-email] strong')).toBe('new@lovelace.org');

    el<HTMLButtonElement>(fixture, '[data-testid=pending-email] button').click();
    await settle(fixture);
    expect(cancelled).toEqual([true]);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid=pending-email]')).toBeNull();
    expect(status(fixture)).toBe('The email change was cancelled; the link no longer works.');
  });

  it('on an API without a mail path (IMMEDIATE), says the address switched at once and reads `me` again', async () => {
    const before: ProfileFieldsFragment = { ...ada, emailChangeMode: 'IMMEDIATE' };
    const after: ProfileFieldsFragment = { ...before, email: 'ada@lovelace.org', emailVerified: false };
    let reads = 0;
    const { sent, answers } = requests();
    const { fixture } = await renderPage(() => of({ data: { me: ++reads === 1 ? before : after } }), answers);
    await settle(fixture);
    expect(text(fixture, '#newEmail-hint')).toBe('Your email changes at once; we send a verification mail to the new address.');
    expect(sendButton(fixture).textContent?.trim()).toBe('Change email');

    await requestChange(fixture, 'ada@lovelace.org');
    expect(sent).toEqual(['ada@lovelace.org']);
    expect(reads).toBe(2);
    expect(status(fixture)).toBe(
      'Your email is now ada@lovelace.org. We sent a verification mail to it; until you follow its link, the address shows as unverified.',
    );
    expect(el<HTMLInputElement>(fixture, '#email').value).toBe('ada@lovelace.org');
    expect(text(fixture, '#email-unverified')).toBe('Unverified');
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid=pending-email]')).toBeNull();
  });

  it('keeps Send disabled for the current address and for a malformed one, saying why', async () => {
    const { fixture } = await renderPage(ada);
    expect(sendButton(fixture).disabled).toBe(true);
    await type(fixture, 'newEmail', 'ADA@example.com');
    expect(sendButton(fixture).disabled).toBe(true);
    expect(text(fixture, '#newEmail-error')).toBe('That is already your email.');

    await type(fixture, 'newEmail', 'ada-at-lovelace');
    expect(sendButton(fixture).disabled).toBe(true);
    expect(text(fixture, '#newEmail-error')).toBe('Email must be an address like name@example.com.');
  });

  it('puts "address in use" on the field and keeps what was typed', async () => {
    const taken = graphQLError('That email address is already in use.', { code: 'BAD_USER_INPUT', field: 'email', rule: 'emailTaken' });
    const { answers } = requests(() => throwError(() => taken));
    const { fixture } = await renderPage(ada, answers);
    await requestChange(fixture, 'alan@example.com');

    expect(text(fixture, '#newEmail-error')).toBe('Another account already uses this address.');
    expect(el(fixture, '#newEmail').getAttribute('aria-invalid')).toBe('true');
    expect(el<HTMLInputElement>(fixture, '#newEmail').value).toBe('alan@example.com');
    expect(document.activeElement?.id).toBe('newEmail');
  });

  it.each([
    ['MAIL_NOT_SENT', graphQLError('x', { code: 'MAIL_NOT_SENT' }), 'We could not send the mail to ada@lovelace.org, so nothing was changed. Check the address, or try again in a moment.'],
    ['FORBIDDEN for the provider\'s address', graphQLError('x', { code: 'FORBIDDEN', reason: 'emailManagedByProvider' }), 'Your email cannot be changed here.'],
    ['FORBIDDEN for a blocked account', graphQLError('This account is blocked; contact the administrator', { code: 'FORBIDDEN', reason: 'blocked' }), 'This account is blocked; contact the administrator'],
    ['RATE_LIMITED', graphQLError('x', { code: 'RATE_LIMITED', retryAfterSeconds: 4 }), 'Too many changes in a short time. Try again in 4 seconds. Your changes are still here.'],
    ['a network failure', new Error('Http failure response: 0 Unknown Error'), 'Could not reach the server. Check your connection. Your changes are still here; try again.'],
  ])('says clearly what happened on %s, and the address stays', async (_name, error, message) => {
    const { answers } = requests(() => throwError(() => error));
    const { fixture } = await renderPage(ada, answers);
    await requestChange(fixture, 'ada@lovelace.org');
    expect(text(fixture, '[data-testid=email-change-error]')).toBe(message);
    expect(el<HTMLInputElement>(fixture, '#newEmail').value).toBe('ada@lovelace.org');
    expect(sendButton(fixture).disabled).toBe(false);
  });

  it('answers a step-up demand with a sign-in holding max_age, the route and the typed address', async () => {
    const auth = standInAuth();
    const { answers } = requests(() => throwError(() => stepUpDemand()));
    const { fixture } = await renderPage(ada, answers, { auth });
    await requestChange(fixture, 'ada@lovelace.org');

    expect(auth.logins).toEqual([
      {
        authorizationParams: { max_age: 300 },
        appState: { target: '/', stepUp: { action: 'requestEmailChange', value: { email: 'ada@lovelace.org' }, maxAgeSeconds: 300, sub: STAND_IN_SUB } },
      },
    ]);
    expect(status(fixture)).toBe('This change needs a recent sign-in: taking you to sign in…');
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid=email-change-error]')).toBeNull();
  });

  it('back from the step-up, finishes the request once without retyping', async () => {
    const auth = standInAuth({ sub: STAND_IN_SUB, auth_time: Math.floor(Date.now() / 1000) - 5 });
    auth.appState$.next(stepUpReturn);
    const { sent, answers } = requests();
    const { fixture } = await renderPage(ada, answers, { auth });
    await settle(fixture);

    expect(sent).toEqual(['ada@lovelace.org']);
    expect(text(fixture, '[data-testid=pending-email] strong')).toBe('ada@lovelace.org');
    expect(auth.logins).toEqual([]);
  });

  it('back from the step-up with a sign-in older than asked, changes nothing and does not loop', async () => {
    const auth = standInAuth({ sub: STAND_IN_SUB, auth_time: Math.floor(Date.now() / 1000) - 3600 });
    auth.appState$.next(stepUpReturn);
    const { sent, answers } = requests();
    const { fixture } = await renderPage(ada, answers, { auth });
    await settle(fixture);

    expect(sent).toEqual([]);
    expect(auth.logins).toEqual([]);
    expect(text(fixture, '[data-testid=email-change-error]')).toBe(
      'This change needs a sign-in within the last 5 minutes, and the sign-in was older, so nothing was changed. Try again.',
    );
  });

  it('back from the step-up, when the API still asks for a recent sign-in, says so instead of signing in again', async () => {
    const auth = standInAuth();
    auth.appState$.next(stepUpReturn);
    const { sent, answers } = requests(() => throwError(() => stepUpDemand()));
    const { fixture } = await renderPage(ada, answers, { auth });
    await settle(fixture);

    expect(sent).toEqual(['ada@lovelace.org']);
    expect(auth.logins).toEqual([]);
    expect(text(fixture, '[data-testid=email-change-error]')).toBe(
      'The new sign-in was not accepted as recent enough, so nothing was changed. Try again.',
    );
    expect(el<HTMLInputElement>(fixture, '#newEmail').value).toBe('ada@lovelace.org');
  });
});
