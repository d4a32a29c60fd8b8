/**
 * A note in sessionStorage that this tab just deleted its account: the logout goes through the
 * tenant and back to the app's origin (its one Allowed Logout URL), where the note sends the
 * browser on to the "your account has been deleted" page, once. Storage that refuses access
 * reads as "no note" (the user then lands on the signed-out home page).
 */
const KEY = 'profile.account-deleted';

export const deletedMarker = {
  set(): void {
    try {
      sessionStorage.setItem(KEY, '1');
    } catch {
      // Without storage the signed-out home page stands in for the notice.
    }
  },
  /** Whether the note is there; it is removed in the same step. */
  take(): boolean {
    try {
      const present = sessionStorage.getItem(KEY) === '1';
      sessionStorage.removeItem(KEY);
      return present;
    } catch {
      return false;
    }
  },
};
