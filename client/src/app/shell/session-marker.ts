import { tabNote } from './tab-note';

/**
 * A note that this tab was signed in: it tells a reload that a failed silent renewal deserves
 * one top-level try at the tenant. Without storage the app simply never tries that renewal.
 */
export const sessionMarker = tabNote('profile.had-session');
