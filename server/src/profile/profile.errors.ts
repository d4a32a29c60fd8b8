/** A field of the input breaks a rule; `field` names it for the form, `rule` says which rule (stable code). */
export class ProfileInputError extends Error {
  override readonly name = 'ProfileInputError';
  constructor(
    readonly field: string,
    message: string,
    readonly rule: string,
  ) {
    super(message);
  }
}

/** Why an account does not allow what was asked (the API's `extensions.reason`, a stable code). */
export type ForbiddenReason = 'blocked' | 'emailManagedByProvider' | 'passwordManagedByProvider' | 'emailNotVerified';

/** The caller asked for something their account does not allow (e.g. an email change for a social login). */
export class ProfileForbiddenError extends Error {
  override readonly name = 'ProfileForbiddenError';
  constructor(
    message: string,
    readonly reason: ForbiddenReason,
  ) {
    super(message);
  }
}
