import { isExpired, pendingEmailChangePatch, readPendingEmailChange, readStoredEmailChange } from './pending-email-change';

const HASH = 'a'.repeat(64);
const stored = { email: 'ada.new@example.com', tokenHash: HASH, expiresAt: '2026-12-05T10:00:00.000Z', requestedAt: '2026-12-04T10:00:00.000Z' };
const NOW = Date.parse('2026-12-04T12:00:00.000Z');

describe('the pending change in app_metadata', () => {
  it('reads what this API wrote', () => {
    expect(readStoredEmailChange({ pendingEmailChange: stored, other: 1 })).toEqual(stored);
    expect(readPendingEmailChange({ pendingEmailChange: stored }, NOW)).toEqual({ email: 'ada.new@example.com', expiresAt: new Date('2026-12-05T10:00:00.000Z') });
  });

  it.each([
    ['nothing', undefined],
    ['a hash of 63 characters', { ...stored, tokenHash: 'a'.repeat(63) }],
    ['a hash of 65 characters', { ...stored, tokenHash: 'a'.repeat(65) }],
    ['an upper-case hash', { ...stored, tokenHash: 'A'.repeat(64) }],
    ['a hash with a prefix', { ...stored, tokenHash: `x${'a'.repeat(64)}` }],
    ['a hash with a suffix', { ...stored, tokenHash: `${'a'.repeat(64)}x` }],
    ['an address over 254 characters', { ...stored, email: `${'a'.repeat(250)}@b.co` }],
    ['an expiry that is not a time', { ...stored, expiresAt: 'tomorrow' }],
    ['a request time that is not a time', { ...stored, requestedAt: 'today' }],
    ['no address', { ...stored, email: undefined }],
    ['a string', 'pending'],
  ])('ignores %s (not a change this API wrote)', (_what, value) => {
    expect(readStoredEmailChange({ pendingEmailChange: value })).toBeNull();
    expect(readPendingEmailChange({ pendingEmailChange: value }, NOW)).toBeNull();
  });

  it('accepts an address of exactly 254 characters', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(185)}.com`;
    expect(email).toHaveLength(254);
    expect(readStoredEmailChange({ pendingEmailChange: { ...stored, email } })?.email).toBe(email);
  });

  it('expires at expiresAt, to the millisecond, and shows nothing from then on', () => {
    const at = Date.parse(stored.expiresAt);
    expect(isExpired(stored, at - 1)).toBe(false);
    expect(isExpired(stored, at)).toBe(true);
    expect(readPendingEmailChange({ pendingEmailChange: stored }, at - 1)).not.toBeNull();
    expect(readPendingEmailChange({ pendingEmailChange: stored }, at)).toBeNull();
  });

  it('uses the current time by default', () => {
    const past = { ...stored, expiresAt: new Date(Date.now() - 1000).toISOString() };
    const future = { ...stored, expiresAt: new Date(Date.now() + 60_000).toISOString() };
    expect(isExpired(past)).toBe(true);
    expect(isExpired(future)).toBe(false);
    expect(readPendingEmailChange({ pendingEmailChange: past })).toBeNull();
    expect(readPendingEmailChange({ pendingEmailChange: future })).not.toBeNull();
  });

  it('is written and removed under one key', () => {
    expect(pendingEmailChangePatch(stored)).toEqual({ pendingEmailChange: stored });
    expect(pendingEmailChangePatch(null)).toEqual({ pendingEmailChange: null });
  });
});
