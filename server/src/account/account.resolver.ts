import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { AccountExportView } from './account-export';
import { AccountExport } from './account-export.type';
import type { AccountService } from './account.service';

/** What the account resolvers need from the GraphQL context. */
export interface AccountContext {
  userId(): string;
  accounts: AccountService;
}

@Resolver()
export class AccountResolver {
  @Authorized(Permission.readProfile)
  @Query(() => AccountExport, { description: "Everything Auth0 holds about the caller that is theirs (the data download); what is left out is listed in it, with the reason." })
  myData(@Ctx() ctx: AccountContext): Promise<AccountExportView> {
    return ctx.accounts.exportData(ctx.userId());
  }
}
