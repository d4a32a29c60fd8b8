import { connectionName, emailLockedReason } from './connection-names';

describe('connectionName', () => {
  it('names the known connections for people and passes others through', () => {
    expect(connectionName('google-oauth2')).toBe('Google');
    expect(connectionName('Username-Password-Authentication')).toBe('email and password');
    expect(connectionName('github')).toBe('github');
  });
});

describe('emailLockedReason', () => {
  it('tells a Google user where the address can be changed', () => {
    expect(emailLockedReason('google-oauth2')).toBe(
      'Your email comes from your Google account and can only be changed there.',
    );
  });

  it('tells a database user it cannot be changed here', () => {
    expect(emailLockedReason('Username-Password-Authentication')).toBe('Your email cannot be changed here.');
  });
});
