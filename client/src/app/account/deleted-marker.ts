import { tabNote } from '../shell/tab-note';

/**
 * A note that this tab just deleted its account: the logout goes through the tenant and back to
 * the app's origin (its one Allowed Logout URL), where the note sends the browser on to the
 * "your account has been deleted" page, once (`take`). Without storage the signed-out home page
 * stands in for the notice.
 */
export const deletedMarker = tabNote('profile.account-deleted');
