import type { ManagementAccounts } from '../auth0/accounts';
import { toAccountExport, type AccountExportView } from './account-export';

export interface AccountServiceDeps {
  accounts: ManagementAccounts;
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
}
