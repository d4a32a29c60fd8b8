import { AuthenticationError, GenericError } from '@auth0/auth0-angular';
import { sessionMarker } from './session-marker';
import { isAuthCallback, isQuietRestoreFailure } from './session-restore';

describe('isAuthCallback', () => {
  it('recognises the code and the error answers of /authorize, both with a state', () => {
    expect(isAuthCallback('?code=abc&state=xyz')).toBe(true);
    expect(isAuthCallback('?error=login_required&error_description=Login%20required&state=xyz')).toBe(true);
  });

  it('ignores ordinary query strings', () => {
    expect(isAuthCallback('')).toBe(false);
    expect(isAuthCallback('?code=abc')).toBe(false);
    expect(isAuthCallback('?tab=email&state=open')).toBe(false);
  });
});

describe('isQuietRestoreFailure', () => {
  const restore = { target: '/profile', restore: true };

  it('treats "no session at the tenant" after our prompt=none redirect as signed out', () => {
    for (const error of ['login_required', 'consent_required', 'interaction_required']) {
      expect(isQuietRestoreFailure(new AuthenticationError(error, error, 'state', restore))).toBe(true);
    }
  });

  it('still reports real failures, and answers to sign-ins the user started', () => {
    expect(isQuietRestoreFailure(new AuthenticationError('access_denied', 'Blocked', 'state', restore))).toBe(false);
    expect(isQuietRestoreFailure(new AuthenticationError('login_required', 'Login required', 'state', { target: '/' }))).toBe(false);
    expect(isQuietRestoreFailure(new GenericError('login_required', 'Login required'))).toBe(false);
    expect(isQuietRestoreFailure(null)).toBe(false);
  });
});

describe('sessionMarker', () => {
  afterEach(() => sessionStorage.clear());

  it('is a flag in sessionStorage that holds nothing secret', () => {
    expect(sessionMarker.present()).toBe(false);
    sessionMarker.set();
    expect(sessionMarker.present()).toBe(true);
    expect(Object.values({ ...sessionStorage })).toEqual(['1']);
    sessionMarker.clear();
    expect(sessionMarker.present()).toBe(false);
  });
});
