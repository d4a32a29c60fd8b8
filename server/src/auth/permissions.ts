import type { Caller } from './caller';

/** The API's permissions (Auth0: API → Permissions); the app requests both. */
export const Permission = {
  readProfile: 'read:profile',
  updateProfile: 'update:profile',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

/** Those of `required` the caller's token does not grant. */
export function missingPermissions(caller: Caller, required: readonly string[]): string[] {
  return required.filter((permission) => !caller.scopes.has(permission));
}
