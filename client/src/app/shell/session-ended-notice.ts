import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Session } from './session';

/** "You were signed out" when the tenant session ended elsewhere; dismissible. */
@Component({
  selector: 'app-session-ended-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.sessionEndedElsewhere()) {
      <div class="notice pending" role="status" data-testid="session-ended-notice">
        <p>You were signed out: your session ended elsewhere (another tab, or it expired). Sign in again to continue.</p>
        <button type="button" class="link" (click)="session.dismissSessionEnded()">Dismiss</button>
      </div>
    }
  `,
})
export class SessionEndedNotice {
  protected readonly session = inject(Session);
}
