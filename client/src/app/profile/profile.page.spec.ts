import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { ApolloLink } from '@apollo/client/core';
import { Apollo } from 'apollo-angular';
import { PROFILE_SHAPE } from 'profile-shape';
import { Subject, of, throwError } from 'rxjs';
import { graphQLError } from '../../testing/graphql-errors';
import { el, renderPage, settle, signInRequests, text, type, type Answer } from '../../testing/profile-page';
import { ADA_PROFILE as ada } from '../../testing/profiles';
import { MeDocument, type ProfileFieldsFragment } from '../graphql/generated';
import { PROFILE_FORM_SHAPE } from './profile-shape.token';

/** The page with `me` and the UpdateProfile answers scripted. */
async function render(
  me: ProfileFieldsFragment | (() => Answer),
  answerUpdate: (input: Record<string, unknown>) => Answer = () => of({ data: { updateProfile: me } }),
  providers = [] as { provide: unknown; useValue: unknown }[],
) {
  const answers = { UpdateProfile: (variables: Record<string, unknown>) => answerUpdate(variables['input'] as Record<string, unknown>) };
  return (await renderPage(me, answers, { providers })).fixture;
}

const saveButton = (fixture: ComponentFixture<unknown>) => el<HTMLButtonElement>(fixture, 'form[aria-labelledby=names-title] button[type=submit]');
const saveStatus = '[data-testid=save-status]';

describe('ProfilePage', () => {
  it('fills the names form from `me` and keeps Save disabled until something changes', async () => {
    const fixture = await render(ada);
    expect(el<HTMLInputElement>(fixture, '#firstName').value).toBe('Ada');
    expect(saveButton(fixture).disabled).toBe(true);

    await type(fixture, 'firstName', 'Augusta');
    expect(saveButton(fixture).disabled).toBe(false);

    await type(fixture, 'firstName', 'Ada');
    expect(saveButton(fixture).disabled).toBe(true);
  });

  it('builds the names form from the user_metadata fields only: the email is not saved with the names', async () => {
    const sent: Record<string, unknown>[] = [];
    const fixture = await render(ada, (input) => (sent.push(input), of({ data: { updateProfile: ada } })));
    expect(Object.keys(TestBed.inject(PROFILE_FORM_SHAPE))).toEqual(['firstName', 'lastName']);
    const namesForm = el(fixture, 'form[aria-labelledby=names-title]');
    expect([...namesForm.querySelectorAll('input')].map((input) => input.id)).toEqual(['firstName', 'lastName']);

    await type(fixture, 'lastName', 'King');
    saveButton(fixture).click();
    await settle(fixture);
    expect(sent).toEqual([{ lastName: 'King' }]);
  });

  it('disables Save and explains the rule while a field is invalid', async () => {
    const fixture = await render(ada);
    await type(fixture, 'firstName', 'Ada\tTab');

    expect(saveButton(fixture).disabled).toBe(true);
    const input = el<HTMLInputElement>(fixture, '#firstName');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('firstName-error');
    expect(text(fixture, '#firstName-error')).toBe('First name cannot contain tabs, line breaks or other control characters.');
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
    expect(saveButton(fixture).textContent?.trim()).toBe('Saving…');
    expect(text(fixture, saveStatus)).toBe('Saving your changes…');

    answer.next({ data: { updateProfile: { ...ada, firstName: 'Augusta', lastName: 'King' } } });
    answer.complete();
    await settle(fixture);

    expect(text(fixture, saveStatus)).toBe('Your profile was saved.');
    expect(saveButton(fixture).disabled).toBe(true);
    const cached = TestBed.inject(Apollo).client.readQuery({ query: MeDocument });
    expect(cached?.me.firstName).toBe('Augusta');
    expect(text(fixture, '.summary-name')).toBe('Augusta King');
  });

  it('puts a BAD_USER_INPUT error on its field and keeps the edits', async () => {
    const rejected = graphQLError('Last name cannot contain characters that change the text direction (such as U+202E).', {
      code: 'BAD_USER_INPUT',
      field: 'lastName',
    });
    const fixture = await render(ada, () => throwError(() => rejected));
    await type(fixture, 'lastName', 'Byron');
    saveButton(fixture).click();
    await settle(fixture);

    expect(text(fixture, '#lastName-error')).toBe(rejected.errors[0]?.message);
    expect(el(fixture, '#lastName').getAttribute('aria-invalid')).toBe('true');
    expect(el<HTMLInputElement>(fixture, '#lastName').value).toBe('Byron');
    expect(document.activeElement?.id).toBe('lastName');
  });

  it('says when to retry after RATE_LIMITED and keeps the edits', async () => {
    const limited = graphQLError('Too many requests', { code: 'RATE_LIMITED', retryAfterSeconds: 7 });
    const fixture = await render(ada, () => throwError(() => limited));
    await type(fixture, 'lastName', 'Byron');
    saveButton(fixture).click();
    await settle(fixture);

    expect(text(fixture, '[data-testid=save-error]')).toContain('Try again in 7 seconds.');
    expect(el<HTMLInputElement>(fixture, '#lastName').value).toBe('Byron');
    expect(saveButton(fixture).disabled).toBe(false);
  });

  it('offers to sign in again, back to /profile, when the session has ended', async () => {
    const ended = graphQLError('Invalid token', { code: 'UNAUTHENTICATED' });
    const fixture = await render(ada, () => throwError(() => ended));
    await type(fixture, 'firstName', 'Augusta');
    saveButton(fixture).click();
    await settle(fixture);

    expect(text(fixture, '[data-testid=save-error]')).toBe('Your session has ended. Sign in again to continue.');
    signInRequests.length = 0;
    el<HTMLButtonElement>(fixture, '[data-testid=save-error] + button').click();
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

  it('builds the form from the shape: one more field there is a labelled, validated, saved control', async () => {
    const shape = {
      firstName: PROFILE_SHAPE.firstName,
      lastName: PROFILE_SHAPE.lastName,
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
