import { Injectable, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService, type IdToken } from '@auth0/auth0-angular';
import { NEVER, catchError, filter, map, switchMap, take, throwError, type Observable } from 'rxjs';
import { maxAgeText, signInAgeProblem, type SignInAgeProblem } from './recent-sign-in';
import { stepUpMaxAge } from './step-up-demand';
import { pendingStepUpOf, type PendingValue, type StepUpAppState } from './step-up-state';

/** A step-up that did not give the API a recent enough sign-in: shown to the user, never retried by itself. */
export class StepUpFailed extends Error {
  override readonly name = 'StepUpFailed';
}

/** Whether this run of an action already follows a step-up sign-in (then a second demand is an error). */
export type Attempt = 'first' | 'afterStepUp';

/**
 * Step-up authentication (RFC 9470) for sensitive operations: when the API answers
 * INSUFFICIENT_USER_AUTHENTICATION, the user signs in again with `max_age`, comes back to the
 * same route, and the action runs once more with the value it had, without retyping.
 * One step-up per attempt: no loop, whatever the tenant or the API answer.
 */
@Injectable({ providedIn: 'root' })
export class StepUp {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  /** appState$ replays the last callback's state to every subscriber: each is resumed once. */
  private readonly resumedStates = new WeakSet<object>();
  private readonly leavingSignal = signal(false);
  /** True once the page is on its way to the step-up sign-in. */
  readonly leaving = this.leavingSignal.asReadonly();

  /**
   * Runs `operation`. When the API demands a more recent sign-in, a first attempt leaves for the
   * sign-in (the observable then never emits: the page is going away); an attempt after a
   * step-up fails with StepUpFailed instead. Every other outcome passes through.
   */
  run<T>(action: string, value: PendingValue, attempt: Attempt, operation: Observable<T>): Observable<T> {
    return operation.pipe(
      catchError((error: unknown) => {
        const maxAgeSeconds = stepUpMaxAge(error);
        if (maxAgeSeconds === null) return throwError(() => error);
        if (attempt === 'afterStepUp') {
          return throwError(() => new StepUpFailed('The new sign-in was not accepted as recent enough, so nothing was changed. Try again.'));
        }
        return this.signInAgain(action, value, maxAgeSeconds);
      }),
    );
  }

  /** The step-up's outcome as the new ID token tells it: null when the action may run. */
  private problemWith(claims: IdToken | null | undefined, pending: StepUpAppState['stepUp']): StepUpProblem | null {
    // Someone who signs in as another account at the step-up does not inherit the first one's action.
    if (claims?.['sub'] !== pending.sub) return 'otherUser';
    return signInAgeProblem(claims, pending.maxAgeSeconds, Math.floor(Date.now() / 1000));
  }

  /**
   * After the step-up sign-in of `action`: its pending value, once the new ID token shows a
   * sign-in within the requested age (else StepUpFailed). Emits at most once per sign-in;
   * nothing when the app was not loaded by that sign-in.
   */
  resumed(action: string): Observable<PendingValue> {
    return this.auth.appState$.pipe(
      filter((state) => !this.resumedStates.has(state)),
      map((state) => ({ state, pending: pendingStepUpOf(state, action) })),
      filter((found): found is { state: StepUpAppState; pending: StepUpAppState['stepUp'] } => found.pending !== null),
      take(1),
      switchMap(({ state, pending }) => {
        this.resumedStates.add(state);
        return this.auth.idTokenClaims$.pipe(
          take(1),
          map((claims) => {
            const problem = this.problemWith(claims, pending);
            if (problem) throw new StepUpFailed(failureMessage(problem, pending.maxAgeSeconds));
            return pending.value;
          }),
        );
      }),
    );
  }

  private signInAgain(action: string, value: PendingValue, maxAgeSeconds: number): Observable<never> {
    const target = this.router.url;
    this.leavingSignal.set(true);
    return this.auth.idTokenClaims$.pipe(
      take(1),
      switchMap((claims) => {
        const appState: StepUpAppState = { target, stepUp: { action, value, maxAgeSeconds, sub: claims?.['sub'] ?? '' } };
        return this.auth.loginWithRedirect({ appState, authorizationParams: { max_age: maxAgeSeconds } });
      }),
      switchMap(() => NEVER),
    );
  }
}

type StepUpProblem = SignInAgeProblem | 'otherUser';

function failureMessage(problem: StepUpProblem, maxAgeSeconds: number): string {
  switch (problem) {
    case 'otherUser':
      return 'You signed in as another account, so nothing was changed.';
    case 'noAuthTime':
      return 'The sign-in did not say when it happened, so nothing was changed. Try again.';
    case 'tooOld':
      return `This change needs a sign-in within the last ${maxAgeText(maxAgeSeconds)}, and the sign-in was older, so nothing was changed. Try again.`;
  }
}
