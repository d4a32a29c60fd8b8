import { ageText, lastKnownNoticeText } from './last-known-notice';

describe('lastKnownNoticeText', () => {
  it('says how old the profile shown is and why', () => {
    expect(lastKnownNoticeText({ asOf: '2026-01-01T00:00:00Z', ageSeconds: 130, reason: 'RATE_LIMITED' })).toBe(
      'Showing your profile as of 2 minutes ago — Auth0 is busy',
    );
    expect(lastKnownNoticeText({ asOf: '2026-01-01T00:00:00Z', ageSeconds: 4000, reason: 'UNREACHABLE' })).toBe(
      'Showing your profile as of 1 hour ago — Auth0 cannot be reached',
    );
  });

  it('rounds the age down to the largest whole unit', () => {
    expect(ageText(3)).toBe('a moment ago');
    expect(ageText(45)).toBe('45 seconds ago');
    expect(ageText(60)).toBe('1 minute ago');
    expect(ageText(2 * 86_400 + 5)).toBe('2 days ago');
  });
});
