import { TestBed } from '@angular/core/testing';
import { AuthenticationError, AuthService, GenericError } from '@auth0/auth0-angular';
import { BehaviorSubject } from 'rxjs';
import { SessionEndedNotice } from './session-ended-notice';

/** The notice with the real Session over an AuthService whose state the test sets. */
async function render(error: unknown, signedIn = false) {
  const auth = {
    error$: new BehaviorSubject<unknown>(error),
    isLoading$: new BehaviorSubject(false),
    isAuthenticated$: new BehaviorSubject(signedIn),
  };
  TestBed.configureTestingModule({ providers: [{ provide: AuthService, useValue: auth }] });
  const fixture = TestBed.createComponent(SessionEndedNotice);
  await fixture.whenStable();
  const notice = () => fixture.nativeElement.querySelector('[data-testid=session-ended-notice]') as HTMLElement | null;
  return { fixture, notice };
}

const restoreRefused = (code: string) => new AuthenticationError(code, code, 'state', { target: '/profile', restore: true });

describe('SessionEndedNotice', () => {
  it('says "You were signed out" politely when the quiet restore found no tenant session, and goes away when dismissed', async () => {
    const { fixture, notice } = await render(restoreRefused('login_required'));
    expect(notice()?.getAttribute('role')).toBe('status');
    expect(notice()?.querySelector('p')?.textContent).toBe(
      'You were signed out: your session ended elsewhere (another tab, or it expired). Sign in again to continue.',
    );
    (notice()!.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(notice()).toBeNull();
  });

  it('says nothing on a first visit, for an error a sign-in the user started got, or once signed in again', async () => {
    expect((await render(null)).notice()).toBeNull();
    TestBed.resetTestingModule();
    expect((await render(new AuthenticationError('login_required', 'Login required', 'state', { target: '/' }))).notice()).toBeNull();
    TestBed.resetTestingModule();
    expect((await render(new GenericError('login_required', 'Login required'))).notice()).toBeNull();
    TestBed.resetTestingModule();
    expect((await render(restoreRefused('login_required'), true)).notice()).toBeNull();
  });
});
