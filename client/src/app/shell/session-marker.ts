/**
 * A non-secret note in sessionStorage that this tab was signed in: it tells a reload that a
 * failed silent renewal deserves one top-level try at the tenant. It holds no token, and lives
 * only as long as the tab. Storage that refuses access (privacy modes) reads as "no marker".
 */
const KEY = 'profile.had-session';

export const sessionMarker = {
  present(): boolean {
    try {
      return sessionStorage.getItem(KEY) === '1';
    } catch {
      return false;
    }
  },
  set(): void {
    try {
      sessionStorage.setItem(KEY, '1');
    } catch {
      // Without storage the app simply never tries the top-level renewal.
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};
