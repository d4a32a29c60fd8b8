import type { Provider } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ApolloLink } from '@apollo/client/core';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Apollo, provideApollo } from 'apollo-angular';
import { EMPTY, Observable, Subject, of, throwError } from 'rxjs';
import { ADA_PROFILE as ada } from '../../testing/profiles';
import { createApolloCache } from '../graphql/apollo-cache';
import { MeDocument, type ProfileFieldsFragment } from '../graphql/generated';
import { Session } from '../shell/session';
import { AccountApi } from '../account/account.api';
import { StepUp } from '../step-up/step-up';
import { ProfileApi } from './profile.api';
import { ProfilePage } from './profile.page';
import { PROFILE_FORM_SHAPE } from './profile-shape.token';
import { PROFILE_SHAPE } from 'profile-shape';

type Answer = Observable<ApolloLink.Result>;

/** Stands in for the Auth0-backed session: the page only ever asks it to sign in again. */
const signInRequests: string[] = [];
const session: Pick<Session, 'signIn'> = { signIn: (returnTo = '/') => void signInRequests.push(returnTo) };
/** The page's account sections never step up here: operations pass through, no sign-in is resumed. */
const stepUp: Pick<StepUp, 'run' | 'resumed'> = { run: (_action, _value, _attempt, operation) => operation, resumed: () => EMPTY };

/** A real Apollo client and cache; only the network hop is scripted per test. */
async function render(
  me: ProfileFieldsFragment | (() => Answer),
  answerUpdate: (input: Record<string, unknown>) => Answer = () => of({ data: { updateProfile: me } }),
  providers: Provider[] = [],
) {
  const answerMe = typeof me === 'function' ? me : () => of({ data: { me } });
  const link = new ApolloLink((operation) =>
    operation.operationName === 'Me'
      ? answerMe()
      : answerUpdate(operation.variables['input'] as Record<string, unknown>),
  );
  TestBed.configureTestingModule({
    providers: [
      provideApollo(() => ({ link, cache: createApolloCache() })),
      ProfileApi,
      AccountApi,
      { provide: Session, useValue: session },
      { provide: StepUp, useValue: stepUp },
      ...providers,
    ],
  });
  const fixture = TestBed.createComponent(ProfilePage);
  await fixture.whenStable();
  return fixture;
}

function el<T extends HTMLElement>(fixture: ComponentFixture<ProfilePage>, selector: string): T {
  const found = (fixture.nativeElement as HTMLElement).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

async function type(fixture: ComponentFixture<ProfilePage>, id: string, value: string) {
  const input = el<HTMLInputElement>(fixture, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  await fixture.whenStable();
}

/** Apollo finishes a mutation in a promise Angular does not track: let it run, then render. */
async function settle(fixture: ComponentFixture<ProfilePage>) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await fixture.whenStable();
}

const saveButton = (fixture: ComponentFixture<ProfilePage>) => el<HTMLButtonElement>(fixture, 'button[type=submit]');
const text = (fixture: ComponentFixture<ProfilePage>, selector: string) => el(fixture, selector).textContent?.trim();

describe('ProfilePage', () => {
  it('fills the form from `me` and keeps Save disabled until something changes', async () => {
    const fixture = await render(ada, () => of({ data: { updateProfile: ada } }));
    expect(el<HTMLInputElement>(fixture, '#firstName').value).toBe('Ada');
    expect(saveButton(fixture).disabled).toBe(true);

    await type(fixture, 'firstName', 'Augusta');
    expect(saveButton(fixture).disabled).toBe(false);

    await type(fixture, 'firstName', 'Ada');
    expect(saveButton(fixture).disabled).toBe(true);
  });

  it('disables Save and explains the rule while a field is invalid', async () => {
    const fixture = await render(ada, () => of({ data: { updateProfile: ada } }));
    await type(fixture, 'email', 'ada-at-example');

    expect(saveButton(fixture).disabled).toBe(true);
    const input = el<HTMLInputElement>(fixture, '#email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('email-error');
    expect(text(fixture, '#email-error')).toBe('Email must be an address like name@example.com.');
  });

  it('shows progress while saving, then the confirmation, and the cache hands `me` the new values', async () => {
    const answer = new Subject<ApolloLink.Result>();
    const sent: Record<string, unknown>[] = [];
    const fixture = await render(ada, (input) => (sent.push(input), answer));
    await type(fixture, 'firstName', 'Augusta');
    await type(fixture, 'lastName', 'King');
    saveButton(fixture).click();
    await fixture.whenStable();

    expect(sent).toEqual([{ firstName: 'Augusta', lastName: 'King' }]);
    expect(saveButton(fixture).disabled).toBe(true);
    expect(text(fixture, 'button[type=submit]')).toBe('Saving…');
    expect(text(fixture, '[role=status]')).toBe('Saving your changes…');

    answer.next({ data: { updateProfile: { ...ada, firstName: 'Augusta', lastName: 'King' } } });
    answer.complete();
    await settle(fixture);

    expect(text(fixture, '[role=status]')).toBe('Your profile was saved.');
    expect(saveButton(fixture).disabled).toBe(true);
    const cached = TestBed.inject(Apollo).client.readQuery({ query: MeDocument });
    expect(cached?.me.firstName).toBe('Augusta');
    expect(text(fixture, '.summary-name')).toBe('Augusta King');
  });

  it('says a verification mail was sent and marks the new address unverified', async () => {
    const fixture = await render(ada, (input) =>
      of({ data: { updateProfile: { ...ada, email: String(input['email']), emailVerified: false } } }),
    );
    await type(fixture, 'email', 'ada@lovelace.org');
    saveButton(fixture).click();
    await settle(fixture);

    expect(text(fixture, '[role=status]')).toContain('We sent a verification mail to ada@lovelace.org');
    expect(text(fixture, '#email-unverified')).toBe('Unverified');
    expect(el(fixture, '#email').getAttribute('aria-describedby')).toBe('email-unverified');
  });

  it('puts a BAD_USER_INPUT error on its field and keeps the edits', async () => {
    const rejected = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'That email address is already in use.', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }],
    });
    const fixture = await render(ada, () => throwError(() => rejected));
    await type(fixture, 'email', 'alan@example.com');
    saveButton(fixture).click();
    await settle(fixture);

    expect(text(fixture, '#email-error')).toBe('That email address is already in use.');
    expect(el(fixture, '#email').getAttribute('aria-invalid')).toBe('true');
    expect(el<HTMLInputElement>(fixture, '#email').value).toBe('alan@example.com');
    expect(document.activeElement?.id).toBe('email');
  });

  it('says when to retry after RATE_LIMITED and keeps the edits', async () => {
    const limited = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7 } }],
    });
    const fixture = await render(ada, () => throwError(() => limited));
    await type(fixture, 'lastName', 'Byron');
    saveButton(fixture).click();
    await settle(fixture);

    expect(text(fixture, '[role=alert]')).toContain('Try again in 7 seconds.');
    expect(el<HTMLInputElement>(fixture, '#lastName').value).toBe('Byron');
    expect(saveButton(fixture).disabled).toBe(false);
  });

  it('offers to sign in again, back to /profile, when the session has ended', async () => {
    const ended = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'Invalid token', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const fixture = await render(ada, () => throwError(() => ended));
    await type(fixture, 'firstName', 'Augusta');
    saveButton(fixture).click();
    await settle(fixture);

    expect(text(fixture, '[role=alert]')).toBe('Your session has ended. Sign in again to continue.');
    signInRequests.length = 0;
    el<HTMLButtonElement>(fixture, '[role=alert] + button').click();
    expect(signInRequests).toEqual(['/profile']);
    expect(el<HTMLInputElement>(fixture, '#firstName').value).toBe('Augusta');
  });

  it('says when the profile cannot be loaded and shows it once Try again succeeds', async () => {
    let calls = 0;
    const fixture = await render(() =>
      ++calls === 1 ? throwError(() => new Error('Http failure response: 0 Unknown Error')) : of({ data: { me: ada } }),
    );
    await settle(fixture);
    expect(text(fixture, '[role=alert]')).toBe('Could not reach the server. Check your connection and try again.');

    el<HTMLButtonElement>(fixture, '[role=alert] + button').click();
    await settle(fixture);
    expect(el<HTMLInputElement>(fixture, '#firstName').value).toBe('Ada');
    expect(calls).toBe(2);
  });

  it('shows the last-known notice and keeps Save disabled while it shows', async () => {
    const lastKnown = { __typename: 'LastKnownProfile' as const, asOf: '2026-01-01T00:00:00.000Z', ageSeconds: 125, reason: 'RATE_LIMITED' as const };
    const fixture = await render({ ...ada, lastKnown });
    expect(text(fixture, '[data-testid=last-known-notice]')).toContain('Showing your profile as of 2 minutes ago — Auth0 is busy');
    await type(fixture, 'firstName', 'Augusta');
    expect(saveButton(fixture).disabled).toBe(true);
  });

  it('makes the email read-only with the reason for a Google user', async () => {
    const grace = { ...ada, id: 'google-oauth2|1', email: 'grace@example.com', connection: 'google-oauth2', canChangeEmail: false };
    const fixture = await render(grace, () => of({ data: { updateProfile: grace } }));
    const email = el<HTMLInputElement>(fixture, '#email');

    expect(email.readOnly).toBe(true);
    expect(email.getAttribute('aria-describedby')).toBe('email-hint');
    expect(text(fixture, '#email-hint')).toBe('Your email comes from your Google account and can only be changed there.');
  });

  it('builds the form from the shape: one more field there is a labelled, validated, saved control', async () => {
    const shape = {
      ...PROFILE_SHAPE,
      phoneNumber: {
        label: 'Phone number',
        storage: 'user_metadata',
        maxLength: 32,
        autocomplete: 'tel',
        description: 'Phone number, stored in user_metadata.phoneNumber.',
        aliases: ['phone'],
        hint: 'With the country code, e.g. +44 20 7946 0000.',
      },
    } as const;
    const sent: Record<string, unknown>[] = [];
    const fixture = await render(ada, (input) => (sent.push(input), of({ data: { updateProfile: ada } })), [
      { provide: PROFILE_FORM_SHAPE, useValue: shape },
    ]);
    const phone = el<HTMLInputElement>(fixture, '#phoneNumber');
    expect(text(fixture, 'label[for=phoneNumber]')).toBe('Phone number');
    expect(phone.getAttribute('autocomplete')).toBe('tel');
    expect(text(fixture, '#phoneNumber-hint')).toBe('With the country code, e.g. +44 20 7946 0000.');

    await type(fixture, 'phoneNumber', '+44\u202E0000');
    expect(saveButton(fixture).disabled).toBe(true);
    expect(text(fixture, '#phoneNumber-error')).toBe('Phone number cannot contain characters that change the text direction (such as U+202E).');

    await type(fixture, 'phoneNumber', ' +44 20 7946 0000 ');
    saveButton(fixture).click();
    await settle(fixture);
    expect(sent).toEqual([{ phoneNumber: '+44 20 7946 0000' }]);
  });
});
