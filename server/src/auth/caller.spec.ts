import type { AccessTokenClaims } from './access-token';
import { bearerToken, callerFromClaims } from './caller';
import { InvalidTokenError } from './errors';
import { missingPermissions, Permission } from './permissions';

const AUTH_TIME = 'https://profile-api.local/auth_time';
const claims = (extra: Partial<AccessTokenClaims> = {}): AccessTokenClaims => ({ sub: 'auth0|ada', ...extra });

describe('bearerToken', () => {
  it('answers null when there is no header', () => {
    expect(bearerToken(undefined)).toBeNull();
  });

  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi', 'abc.def.ghi'],
    ['Bearer   abc-_~+/.def=', 'abc-_~+/.def='],
    ['Bearer abc.def.ghi  ', 'abc.def.ghi'],
  ])('reads %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each(['', 'Bearer', 'Bearer ', 'Basic Bearer abc', 'Bearer abc def', 'Bearerabc', 'Bearer abc=def', 'xBearer abc', 'Bearer abc,def'])('refuses %j', (header) => {
    expect(() => bearerToken(header)).toThrow(new InvalidTokenError('The Authorization header is not "Bearer <token>"'));
  });
});

describe('callerFromClaims', () => {
  it('takes the sign-in time from the named claim, null when absent or not a time', () => {
    expect(callerFromClaims(claims({ [AUTH_TIME]: 1_700_000_000 }), AUTH_TIME).signedInAt).toBe(1_700_000_000);
    expect(callerFromClaims(claims({ auth_time: 1_700_000_000 }), AUTH_TIME).signedInAt).toBeNull();
    expect(callerFromClaims(claims({ [AUTH_TIME]: '1700000000' }), AUTH_TIME).signedInAt).toBeNull();
  });

  it('takes the user id from sub and the scopes from scope', () => {
    const caller = callerFromClaims(claims({ scope: 'openid  read:profile ' }), AUTH_TIME);
    expect(caller.userId).toBe('auth0|ada');
    expect([...caller.scopes].sort()).toEqual(['openid', 'read:profile']);
  });

  it('adds the string entries of an RBAC permissions claim', () => {
    const caller = callerFromClaims(claims({ scope: 'openid', permissions: ['update:profile', 7, null] }), AUTH_TIME);
    expect([...caller.scopes].sort()).toEqual(['openid', 'update:profile']);
  });

  it('grants nothing for a scope or permissions claim of the wrong type', () => {
    expect([...callerFromClaims(claims({ scope: ['read:profile'], permissions: 'read:profile' }), AUTH_TIME).scopes]).toEqual([]);
  });

  it.each([
    ['gty client-credentials', claims({ gty: 'client-credentials' })],
    ['a sub ending in @clients', claims({ sub: 'local-spa@clients' })],
  ])('refuses a machine token (%s)', (_label, machine) => {
    expect(() => callerFromClaims(machine, AUTH_TIME)).toThrow(new InvalidTokenError('A client-credentials token has no user; sign in as a user'));
  });

  it('accepts a user whose sub merely contains @clients', () => {
    expect(callerFromClaims(claims({ sub: 'auth0|a@clients.example', gty: 'password' }), AUTH_TIME).userId).toBe('auth0|a@clients.example');
  });
});

describe('missingPermissions', () => {
  const caller = callerFromClaims(claims({ scope: 'openid read:profile' }), AUTH_TIME);

  it('answers the permissions the caller lacks, in order', () => {
    expect(missingPermissions(caller, [Permission.readProfile, Permission.updateProfile])).toEqual(['update:profile']);
    expect(missingPermissions(caller, [Permission.readProfile])).toEqual([]);
  });

  it('names the two permissions of the API', () => {
    expect(Permission).toEqual({ readProfile: 'read:profile', updateProfile: 'update:profile' });
  });
});
