/** A mail could not be handed to the SMTP server; `temporary` when the last failure was one a later try could get past. */
export class MailNotSentError extends Error {
  override readonly name = 'MailNotSentError';
  constructor(
    readonly temporary: boolean,
    options?: ErrorOptions,
  ) {
    super(temporary ? 'The mail server did not accept the mail; try again later' : 'The mail server refused the mail', options);
  }
}
