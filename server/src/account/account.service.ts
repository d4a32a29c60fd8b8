import type { ManagementAccounts } from '../auth0/accounts';
import { Auth0UserNotFoundError } from '../auth0/errors';
import type { PasswordChangeMails } from '../auth0/password-change';
import type { ManagementUsers, StoredUser } from '../auth0/users';
import { ProfileForbiddenError, ProfileInputError } from '../profile/profile.errors';
import type { UpdateLimit } from '../profile/profile-stores';
import type { ProfileService } from '../profile/profile.service';
import type { Mailer } from '../mail/mailer';
import { UpdateRateLimitedError } from '../profile/update-rate-limit';
import { toAccountExport, type AccountExportView } from './account-export';
import { NotConfiguredError } from './account.errors';
import { confirmsDeletion } from './confirmation';
import { deletionMail } from './deletion-mail';

export interface AccountServiceDeps {
  accounts: ManagementAccounts;
  users: ManagementUsers;
  profiles: ProfileService;
  /** The Authentication API's reset mail; undefined when no client id is configured for it. */
  passwordChange?: PasswordChangeMails;
  /** One reset mail per user a minute (Auth0 allows 1 a minute per address), across replicas. */
  resetLimit?: UpdateLimit;
  /** Told of each deleted account (this process drops what it keeps outside the profile state). */
  onDeleted?: (userId: string) => void;
  /** Sends the deletion notice; null without SMTP_URL (then none is sent). */
  mailer?: Mailer | null;
  /** Told when the notice could not be sent (the account is deleted all the same). */
  onMailFailure?: (userId: string, error: unknown) => void;
  now?: () => Date;
}

/** The account as a whole: its export, the password reset mail and its deletion. The user id comes from the token. */
export class AccountService {
  private readonly now: () => Date;

  constructor(private readonly deps: AccountServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Read fresh from Auth0 (never a cached or last-known copy): an export says what is stored now. */
  async exportData(userId: string): Promise<AccountExportView> {
    return toAccountExport(await this.deps.accounts.readAccount(userId), this.now());
  }

  /** Auth0 mails a reset link to the user's current, verified address. Database users only. */
  async sendPasswordReset(userId: string): Promise<void> {
    const { passwordChange } = this.deps;
    if (!passwordChange) {
      throw new NotConfiguredError('Password reset mails are not set up on this server (AUTH0_PASSWORD_RESET_CLIENT_ID)');
    }
    const user = await this.readUser(userId);
    const identity = user.identities[0];
    if (identity?.provider !== 'auth0') {
      throw new ProfileForbiddenError(`Your password is managed by ${identity?.connection ?? 'your identity provider'}; change it there`, 'passwordManagedByProvider');
    }
    if (!user.emailVerified || user.email === '') {
      throw new ProfileForbiddenError('Verify your email address first: the reset mail only goes to an address proven to be yours', 'emailNotVerified');
    }
    await this.enforceResetLimit(userId);
    await passwordChange.request(user.email, identity.connection);
  }

  /**
   * Deletes the account once `confirm` repeats its address, drops every copy the API keeps, and
   * mails the address a notice. The caller has checked the recent sign-in. An account found
   * already gone at the DELETE (a retry after a timeout) counts as deleted.
   */
  async deleteAccount(userId: string, confirm: string): Promise<void> {
    const user = await this.readUser(userId);
    if (!confirmsDeletion(confirm, user.email)) {
      throw new ProfileInputError('confirm', 'Type the email address of your account exactly to confirm the deletion', 'confirmationMismatch');
    }
    await this.deps.accounts.deleteUser(userId).catch((error: unknown) => {
      if (!(error instanceof Auth0UserNotFoundError)) throw error;
    });
    await this.forget(userId);
    await this.notifyDeleted(userId, user.email);
  }

  private async notifyDeleted(userId: string, email: string): Promise<void> {
    const { mailer, onMailFailure } = this.deps;
    if (!mailer || email === '') return;
    try {
      await mailer.send(deletionMail(email, this.now()));
    } catch (error) {
      onMailFailure?.(userId, error);
    }
  }

  private async enforceResetLimit(userId: string): Promise<void> {
    try {
      await this.deps.resetLimit?.enforce(userId);
    } catch (error) {
      if (!(error instanceof UpdateRateLimitedError)) throw error;
      const seconds = error.retryAfterSeconds;
      throw new UpdateRateLimitedError(seconds, `A password reset mail was sent less than a minute ago; try again in ${seconds} s`);
    }
  }

  /** Fresh, never cached: the address and connection must be what Auth0 holds now. A gone account is forgotten. */
  private async readUser(userId: string): Promise<StoredUser> {
    try {
      return await this.deps.users.getUser(userId);
    } catch (error) {
      if (error instanceof Auth0UserNotFoundError) await this.forget(userId);
      throw error;
    }
  }

  private async forget(userId: string): Promise<void> {
    await this.deps.profiles.forget(userId);
    await this.deps.resetLimit?.forget(userId);
    this.deps.onDeleted?.(userId);
  }
}
