import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Observable, Subject, of, throwError } from 'rxjs';
import { graphQLError } from '../../testing/graphql-errors';
import { Session } from '../shell/session';
import { StepUp, StepUpFailed, type Attempt } from '../step-up/step-up';
import type { PendingValue } from '../step-up/step-up-state';
import { AccountApi } from './account.api';
import { DELETE_ACCOUNT, DeleteAccount } from './delete-account';

const EMAIL = 'leaving@example.com';

/** The API, the step-up and the session as the danger zone uses them, scripted or recorded per test. */
function setUp(answer: () => Observable<void>) {
  const deletions: string[] = [];
  const runs: { action: string; value: PendingValue; attempt: Attempt }[] = [];
  const resumed = new Subject<PendingValue>();
  let signedOutDeleted = 0;
  TestBed.configureTestingModule({
    providers: [
      { provide: AccountApi, useValue: { deleteAccount: (confirm: string) => (deletions.push(confirm), answer()) } },
      {
        provide: StepUp,
        useValue: {
          run: (action: string, value: PendingValue, attempt: Attempt, operation: Observable<void>) => (runs.push({ action, value, attempt }), operation),
          resumed: () => resumed,
        },
      },
      { provide: Session, useValue: { signOutDeleted: () => (signedOutDeleted += 1) } },
    ],
  });
  const fixture = TestBed.createComponent(DeleteAccount);
  fixture.componentRef.setInput('email', EMAIL);
  fixture.detectChanges();
  return { fixture, deletions, runs, resumed, signedOut: () => signedOutDeleted };
}

const button = (fixture: ComponentFixture<DeleteAccount>) => (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="delete-account"]')!;
const alertText = (fixture: ComponentFixture<DeleteAccount>) => (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent?.trim();

async function type(fixture: ComponentFixture<DeleteAccount>, value: string) {
  const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('#delete-confirm')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await fixture.whenStable();
}

describe('DeleteAccount (the danger zone)', () => {
  it('keeps the button disabled until the account address is typed (spaces and case ignored)', async () => {
    const { fixture } = setUp(() => of(undefined));
    expect(button(fixture).disabled).toBe(true);
    await type(fixture, 'someone@example.com');
    expect(button(fixture).disabled).toBe(true);
    await type(fixture, '  LEAVING@example.com ');
    expect(button(fixture).disabled).toBe(false);
  });

  it('deletes through the step-up with the typed confirmation, then signs out to the deleted page', async () => {
    const { fixture, deletions, runs, signedOut } = setUp(() => of(undefined));
    await type(fixture, EMAIL);
    button(fixture).click();
    await fixture.whenStable();
    expect(runs).toEqual([{ action: DELETE_ACCOUNT, value: { confirm: EMAIL }, attempt: 'first' }]);
    expect(deletions).toEqual([EMAIL]);
    expect(signedOut()).toBe(1);
  });

  it('finishes after the step-up sign-in with the confirmation kept in appState, as a second attempt', async () => {
    const { fixture, deletions, runs, resumed, signedOut } = setUp(() => of(undefined));
    resumed.next({ confirm: EMAIL });
    await fixture.whenStable();
    expect(runs).toEqual([{ action: DELETE_ACCOUNT, value: { confirm: EMAIL }, attempt: 'afterStepUp' }]);
    expect(deletions).toEqual([EMAIL]);
    expect(signedOut()).toBe(1);
  });

  it('shows why a step-up failed and deletes nothing', async () => {
    const { fixture, deletions, resumed, signedOut } = setUp(() => of(undefined));
    resumed.error(new StepUpFailed('The sign-in did not say when it happened, so nothing was changed. Try again.'));
    await fixture.whenStable();
    expect(alertText(fixture)).toBe('The sign-in did not say when it happened, so nothing was changed. Try again.');
    expect(deletions).toEqual([]);
    expect(signedOut()).toBe(0);
  });

  it("shows the server's message for a refused confirmation and stays signed in", async () => {
    const { fixture, signedOut } = setUp(() => throwError(() => graphQLError('Type the email address of your account exactly to confirm the deletion', { code: 'BAD_USER_INPUT', field: 'confirm' })));
    await type(fixture, EMAIL);
    button(fixture).click();
    await fixture.whenStable();
    expect(alertText(fixture)).toBe('Type the email address of your account exactly to confirm the deletion');
    expect(signedOut()).toBe(0);
    expect(button(fixture).disabled).toBe(false);
  });

  it('treats an account already gone (NOT_FOUND) as deleted', async () => {
    const { fixture, signedOut } = setUp(() => throwError(() => graphQLError('Your account no longer exists', { code: 'NOT_FOUND' })));
    await type(fixture, EMAIL);
    button(fixture).click();
    await fixture.whenStable();
    expect(signedOut()).toBe(1);
  });
});
