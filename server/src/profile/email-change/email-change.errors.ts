/** No pending change fits the token: wrong, tampered, another account's, already used, replaced or cancelled. */
export class EmailChangeInvalidError extends Error {
  override readonly name = 'EmailChangeInvalidError';
  constructor() {
    super('This email change link is not valid: it was already used, replaced by a newer request or cancelled, or it belongs to another account');
  }
}

export class EmailChangeExpiredError extends Error {
  override readonly name = 'EmailChangeExpiredError';
  constructor() {
    super('This email change link has expired; ask for a new one');
  }
}
