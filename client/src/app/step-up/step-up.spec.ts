import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { graphQLError, serverError } from '../../testing/graphql-errors';
import { STAND_IN_SUB as SUB, standInAuth } from '../../testing/stand-in-auth';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom, of, throwError, toArray } from 'rxjs';
import { StepUp, StepUpFailed } from './step-up';
import { stepUpMaxAge } from './step-up-demand';
import type { StepUpAppState } from './step-up-state';

@Component({ template: '' })
class Blank {}

async function setUp(claims: Record<string, unknown> | null = { sub: SUB, auth_time: nowSeconds() }) {
  const stand = standInAuth(claims);
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'profile', component: Blank }]), stand.provider] });
  await TestBed.inject(Router).navigateByUrl('/profile?tab=email');
  return { ...stand, stepUp: TestBed.inject(StepUp) };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const demand = (maxAgeSeconds: unknown) =>
  graphQLError('A more recent sign-in is required', { code: 'INSUFFICIENT_USER_AUTHENTICATION', maxAgeSeconds });
const stepUpState = (maxAgeSeconds = 300, action = 'requestEmailChange'): StepUpAppState => ({
  target: '/profile',
  stepUp: { action, value: { email: 'ada@lovelace.org' }, maxAgeSeconds, sub: SUB },
});

describe('stepUpMaxAge', () => {
  it('reads maxAgeSeconds of INSUFFICIENT_USER_AUTHENTICATION, in a 200 answer or a 401 body', () => {
    expect(stepUpMaxAge(demand(300))).toBe(300);
    const body = { errors: [{ message: 'x', extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', maxAgeSeconds: 120 } }] };
    expect(stepUpMaxAge(serverError(401, body))).toBe(120);
  });

  it('demands a fresh sign-in (0) when the age is missing or malformed, and nothing for other errors', () => {
    expect(stepUpMaxAge(demand(undefined))).toBe(0);
    expect(stepUpMaxAge(demand(-5))).toBe(0);
    expect(stepUpMaxAge(graphQLError('x', { code: 'FORBIDDEN' }))).toBeNull();
    expect(stepUpMaxAge(new Error('offline'))).toBeNull();
  });
});

describe('StepUp.run', () => {
  it('passes results and other errors through untouched', async () => {
    const { stepUp, logins } = await setUp();
    await expect(firstValueFrom(stepUp.run('requestEmailChange', {}, 'first', of('done')))).resolves.toBe('done');
    const forbidden = new Error('forbidden');
    await expect(firstValueFrom(stepUp.run('requestEmailChange', {}, 'first', throwError(() => forbidden)))).rejects.toBe(forbidden);
    expect(logins).toEqual([]);
  });

  it('answers the demand with a sign-in carrying max_age, the route and the pending value, and emits nothing', async () => {
    const { stepUp, logins } = await setUp();
    const seen: unknown[] = [];
    stepUp.run('requestEmailChange', { email: 'ada@lovelace.org' }, 'first', throwError(() => demand(300))).subscribe({
      next: (value) => seen.push(value),
      error: (error: unknown) => seen.push(error),
      complete: () => seen.push('complete'),
    });
    await Promise.resolve();
    expect(stepUp.leaving()).toBe(true);
    expect(logins).toEqual([
      {
        authorizationParams: { max_age: 300 },
        appState: { target: '/profile?tab=email', stepUp: { action: 'requestEmailChange', value: { email: 'ada@lovelace.org' }, maxAgeSeconds: 300, sub: SUB } },
      },
    ]);
    expect(seen).toEqual([]);
  });

  it('fails instead of signing in a second time when the attempt already follows a step-up', async () => {
    const { stepUp, logins } = await setUp();
    const run = stepUp.run('requestEmailChange', { email: 'ada@lovelace.org' }, 'afterStepUp', throwError(() => demand(300)));
    await expect(firstValueFrom(run)).rejects.toBeInstanceOf(StepUpFailed);
    expect(logins).toEqual([]);
    expect(stepUp.leaving()).toBe(false);
  });
});

describe('StepUp.resumed', () => {
  it('hands back the pending value once the new ID token shows a sign-in within the age', async () => {
    const { stepUp, appState$ } = await setUp({ sub: SUB, auth_time: nowSeconds() - 10 });
    appState$.next(stepUpState(300));
    await expect(firstValueFrom(stepUp.resumed('requestEmailChange'))).resolves.toEqual({ email: 'ada@lovelace.org' });
  });

  it('fails with a clear message when the tenant ignored max_age (auth_time too old)', async () => {
    const { stepUp, appState$, logins } = await setUp({ sub: SUB, auth_time: nowSeconds() - 3600 });
    appState$.next(stepUpState(300));
    const failure = firstValueFrom(stepUp.resumed('requestEmailChange'));
    await expect(failure).rejects.toBeInstanceOf(StepUpFailed);
    await expect(failure).rejects.toThrow('This change needs a sign-in within the last 5 minutes, and the sign-in was older, so nothing was changed. Try again.');
    expect(logins).toEqual([]);
  });

  it('fails when the ID token has no numeric auth_time', async () => {
    for (const claims of [{ sub: SUB }, { sub: SUB, auth_time: String(nowSeconds()) }]) {
      TestBed.resetTestingModule();
      const { stepUp, appState$ } = await setUp(claims);
      appState$.next(stepUpState());
      await expect(firstValueFrom(stepUp.resumed('requestEmailChange'))).rejects.toThrow('The sign-in did not say when it happened');
    }
  });

  it('does not hand the action to another account signed in at the step-up, nor run without an ID token', async () => {
    for (const claims of [{ sub: 'auth0|someone-else', auth_time: nowSeconds() }, null]) {
      TestBed.resetTestingModule();
      const { stepUp, appState$ } = await setUp(claims);
      appState$.next(stepUpState());
      await expect(firstValueFrom(stepUp.resumed('requestEmailChange'))).rejects.toThrow('You signed in as another account, so nothing was changed.');
    }
  });

  it('allows the same clock skew as auth0-spa-js (60 s) past the age, not more', async () => {
    const { stepUp, appState$ } = await setUp({ sub: SUB, auth_time: nowSeconds() - 8 - 60 + 1 });
    appState$.next(stepUpState(8));
    await expect(firstValueFrom(stepUp.resumed('requestEmailChange'))).resolves.toEqual({ email: 'ada@lovelace.org' });

    TestBed.resetTestingModule();
    const late = await setUp({ sub: SUB, auth_time: nowSeconds() - 8 - 60 - 2 });
    late.appState$.next(stepUpState(8));
    await expect(firstValueFrom(late.stepUp.resumed('requestEmailChange'))).rejects.toThrow('within the last 8 seconds');
  });

  it('resumes a sign-in once: a second subscriber (the page opened again) gets nothing', async () => {
    const { stepUp, appState$ } = await setUp();
    appState$.next(stepUpState());
    await firstValueFrom(stepUp.resumed('requestEmailChange'));

    const again: unknown[] = [];
    stepUp.resumed('requestEmailChange').subscribe((value) => again.push(value));
    await Promise.resolve();
    expect(again).toEqual([]);
  });

  it('ignores plain sign-ins, other actions and malformed states', async () => {
    const { stepUp, appState$ } = await setUp();
    const values = firstValueFrom(stepUp.resumed('requestEmailChange').pipe(toArray()), { defaultValue: [] });
    for (const state of [
      { target: '/' },
      { target: '/', restore: true },
      stepUpState(300, 'deleteAccount'),
      { target: '/profile', stepUp: { action: 'requestEmailChange', value: { email: 42 }, maxAgeSeconds: 300, sub: SUB } },
      { target: '/profile', stepUp: { action: 'requestEmailChange', value: { email: 'x'.repeat(1_001) }, maxAgeSeconds: 300, sub: SUB } },
      { target: '/profile', stepUp: { action: 'requestEmailChange', value: {}, maxAgeSeconds: '300', sub: SUB } },
      { target: '/profile', stepUp: { action: 'requestEmailChange', value: {}, maxAgeSeconds: 300 } },
    ]) {
      appState$.next(state);
    }
    appState$.complete();
    await expect(values).resolves.toEqual([]);
  });
});
