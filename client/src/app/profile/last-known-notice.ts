import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { LastKnownReason, ProfileFieldsFragment } from '../graphql/generated';

export type LastKnownMark = NonNullable<ProfileFieldsFragment['lastKnown']>;

const REASONS: Record<LastKnownReason, string> = {
  RATE_LIMITED: 'Auth0 is busy',
  TIMEOUT: 'Auth0 is busy',
  UPSTREAM_ERROR: 'Auth0 is having trouble',
  UNREACHABLE: 'Auth0 cannot be reached',
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "2 minutes ago", "an hour ago"... from the age the API computed (the browser's clock may be off). */
export function ageText(ageSeconds: number): string {
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, seconds] of UNITS) {
    if (ageSeconds >= seconds) return format.format(-Math.floor(ageSeconds / seconds), unit);
  }
  return ageSeconds < 10 ? 'a moment ago' : format.format(-ageSeconds, 'second');
}

/** "Showing your profile as of 2 minutes ago — Auth0 is busy" */
export function lastKnownNoticeText(mark: LastKnownMark): string {
  return `Showing your profile as of ${ageText(mark.ageSeconds)} — ${REASONS[mark.reason]}`;
}

/** Says, discreetly, that the profile shown is the last one Auth0 returned; saving waits until it answers. */
@Component({
  selector: 'app-last-known-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as text) {
      <p class="notice" role="status" data-testid="last-known-notice">
        {{ text }}. Saving is paused until it answers.
        <button type="button" class="link" (click)="retry.emit()">Try again</button>
      </p>
    }
  `,
})
export class LastKnownNotice {
  readonly mark = input<LastKnownMark | null>(null);
  readonly retry = output();
  protected readonly text = computed(() => {
    const mark = this.mark();
    return mark ? lastKnownNoticeText(mark) : null;
  });
}
