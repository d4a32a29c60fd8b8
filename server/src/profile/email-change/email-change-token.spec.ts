import { createHash } from 'node:crypto';
import { emailChangeTokenMatches, hashEmailChangeToken, isEmailChangeTokenShape, newEmailChangeToken } from './email-change-token';

describe('the email change token', () => {
  it('is 43 base64url characters (256 bits), new each time, stored as its hex SHA-256', () => {
    const { token, tokenHash } = newEmailChangeToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashEmailChangeToken(token)).toBe(tokenHash);
    expect(newEmailChangeToken().token).not.toBe(token);
  });

  it.each([
    ['43 base64url characters', 'A'.repeat(42) + '_', true],
    ['a dash', '-'.repeat(43), true],
    ['42 characters', 'A'.repeat(42), false],
    ['44 characters', 'A'.repeat(44), false],
    ['padding', 'A'.repeat(42) + '=', false],
    ['a plus', 'A'.repeat(42) + '+', false],
    ['a leading space', ' ' + 'A'.repeat(42), false],
    ['a trailing character', 'A'.repeat(43) + '\n', false],
    ['nothing', '', false],
  ])('has the shape of a token with %s: %s', (_what, token, ok) => {
    expect(isEmailChangeTokenShape(token)).toBe(ok);
  });

  it('matches only its own hash', () => {
    const { token, tokenHash } = newEmailChangeToken();
    expect(emailChangeTokenMatches(token, tokenHash)).toBe(true);
    expect(emailChangeTokenMatches(newEmailChangeToken().token, tokenHash)).toBe(false);
    expect(emailChangeTokenMatches(token, hashEmailChangeToken(`${token}x`))).toBe(false);
  });

  it('does not match (nor throw on) a stored hash of another length', () => {
    const { token, tokenHash } = newEmailChangeToken();
    expect(emailChangeTokenMatches(token, tokenHash.slice(0, 62))).toBe(false);
    expect(emailChangeTokenMatches(token, '')).toBe(false);
  });
});
