import { Auth0RejectedError } from '../../auth0/errors';
import type { ManagementUsers, StoredUser, UserPatch } from '../../auth0/users';
import type { EmailChangeMode } from '../../config';
import type { Mailer } from '../../mail/mailer';
import { normalizeEmail, sameEmail } from '../email';
import { ProfileForbiddenError, ProfileInputError } from '../profile.errors';
import { canChangeEmail, toProfileView, type ProfileView } from '../profile.service';
import type { UpdateLimit } from '../profile-stores';
import { readFresh, writeThrough, type WriteStores } from '../user-writes';
import { EmailChangeExpiredError, EmailChangeInvalidError } from './email-change.errors';
import { confirmNewEmailMail, emailChangedNoticeMail } from './email-change.mails';
import { emailChangeTokenMatches, isEmailChangeTokenShape, newEmailChangeToken } from './email-change-token';
import { isExpired, pendingEmailChangePatch, readStoredEmailChange, type PendingEmailChangeView } from './pending-email-change';

export interface EmailChangeOptions extends WriteStores {
  mode: EmailChangeMode;
  /** How long the mailed link works. */
  ttlSeconds: number;
  /** The app's origin: the link is `${appUrl}/profile/confirm-email?token=…`. */
  appUrl: string;
  /** Required in verify-first mode. */
  mailer: Mailer | null;
  limiter?: UpdateLimit;
  /** Told of a failure that does not decide the answer: the notice to the old address, or removing a change whose link could not be mailed. */
  onSideFailure?: (userId: string, what: 'notice mail' | 'pending change removal', error: unknown) => void;
  now?: () => number;
}

const taken = () => new ProfileInputError('email', 'This email address is already in use', 'emailTaken');

function isEmailTaken(error: unknown): boolean {
  return error instanceof Auth0RejectedError && (error.status === 409 || error.errorCode === 'user_exists');
}

/** The user's current address may change: a database user asking for another address. */
function checkChangeable(user: StoredUser, email: string): void {
  if (!canChangeEmail(user)) {
    throw new ProfileForbiddenError(`Email is managed by ${user.identities[0]?.connection ?? 'the identity provider'} and cannot be changed here`, 'emailManagedByProvider');
  }
  if (sameEmail(email, user.email)) throw new ProfileInputError('email', 'This is already your email address', 'emailUnchanged');
}

/**
 * Email changes. verify-first: the new address gets a single-use link and nothing changes until
 * it is followed; then the old address gets a notice. immediate: Auth0's `verify_email` switch.
 * Every refusal happens before any write and any mail.
 */
export class EmailChangeService {
  private readonly now: () => number;

  constructor(
    private readonly users: ManagementUsers,
    private readonly options: EmailChangeOptions,
  ) {
    if (options.mode === 'verify-first' && !options.mailer) throw new Error('verify-first email changes need a mailer');
    this.now = options.now ?? Date.now;
  }

  get mode(): EmailChangeMode {
    return this.options.mode;
  }

  /** Starts a change to `rawEmail`; the caller has signed in recently (checked by the resolver). */
  async request(userId: string, rawEmail: string): Promise<PendingEmailChangeView> {
    const email = normalizeEmail(rawEmail);
    await this.options.limiter?.enforce(userId);
    const user = await readFresh(this.users, this.options, userId);
    checkChangeable(user, email);
    if (this.options.mode === 'immediate') return this.switchNow(userId, email);
    if (await this.users.emailTakenByOther(email, userId)) throw taken();
    const { token, tokenHash } = newEmailChangeToken();
    const expiresAt = new Date(this.now() + this.options.ttlSeconds * 1000);
    const pending = { email, tokenHash, expiresAt: expiresAt.toISOString(), requestedAt: new Date(this.now()).toISOString() };
    await writeThrough(this.users, this.options, userId, { app_metadata: pendingEmailChangePatch(pending) });
    await this.mailLink(userId, email, token, expiresAt);
    return { email, expiresAt };
  }

  /** Follows the mailed link: switches to the proven address (verified), clears the change, tells the old address. */
  async confirm(userId: string, token: string): Promise<ProfileView> {
    if (!isEmailChangeTokenShape(token)) throw new EmailChangeInvalidError();
    await this.options.limiter?.enforce(userId);
    const user = await readFresh(this.users, this.options, userId);
    const pending = readStoredEmailChange(user.appMetadata);
    if (!pending || !emailChangeTokenMatches(token, pending.tokenHash)) throw new EmailChangeInvalidError();
    if (isExpired(pending, this.now())) throw new EmailChangeExpiredError();
    checkChangeable(user, pending.email);
    const patch: UserPatch = { email: pending.email, email_verified: true, app_metadata: pendingEmailChangePatch(null) };
    const updated = await writeThrough(this.users, this.options, userId, patch).catch((error: unknown) => {
      throw isEmailTaken(error) ? taken() : error;
    });
    await this.sendNotice(userId, user.email, pending.email);
    return toProfileView(updated);
  }

  /** Drops the pending change, if any (one PATCH, no read). */
  async cancel(userId: string): Promise<ProfileView> {
    await this.options.limiter?.enforce(userId);
    return toProfileView(await writeThrough(this.users, this.options, userId, { app_metadata: pendingEmailChangePatch(null) }));
  }

  /** Auth0's own behaviour: the address switches at once and Auth0 mails a verification link to it. */
  private async switchNow(userId: string, email: string): Promise<PendingEmailChangeView> {
    await writeThrough(this.users, this.options, userId, { email, verify_email: true }).catch((error: unknown) => {
      throw isEmailTaken(error) ? taken() : error;
    });
    return { email, expiresAt: new Date(this.now()) };
  }

  /** Mails the link; when it cannot be sent (MailNotSentError), the pending change goes, so the user may ask again. */
  private async mailLink(userId: string, email: string, token: string, expiresAt: Date): Promise<void> {
    const link = `${this.options.appUrl}/profile/confirm-email?token=${token}`;
    try {
      await this.options.mailer!.send(confirmNewEmailMail(email, link, expiresAt));
    } catch (error) {
      await writeThrough(this.users, this.options, userId, { app_metadata: pendingEmailChangePatch(null) }).catch((removal: unknown) => {
        this.options.onSideFailure?.(userId, 'pending change removal', removal);
      });
      throw error;
    }
  }

  /** The switch is done: a notice that cannot be sent is reported, not thrown. */
  private async sendNotice(userId: string, oldEmail: string, newEmail: string): Promise<void> {
    try {
      await this.options.mailer?.send(emailChangedNoticeMail(oldEmail, newEmail, new Date(this.now())));
    } catch (error) {
      this.options.onSideFailure?.(userId, 'notice mail', error);
    }
  }
}
