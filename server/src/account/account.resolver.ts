import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { AccountExportView } from './account-export';
import { AccountExport } from './account-export.type';
import type { AccountService } from './account.service';

/** What the account resolvers need from the GraphQL context. */
export interface AccountContext {
  userId(): string;
  /** Throws INSUFFICIENT_USER_AUTHENTICATION (RFC 9470) unless the caller signed in recently. */
  requireRecentSignIn(): void;
  accounts: AccountService;
}

@Resolver()
export class AccountResolver {
  @Authorized(Permission.readProfile)
  @Query(() => AccountExport, { description: "Everything Auth0 holds about the caller that is theirs (the data download); what is left out is listed in it, with the reason." })
  myData(@Ctx() ctx: AccountContext): Promise<AccountExportView> {
    return ctx.accounts.exportData(ctx.userId());
  }

  @Authorized(Permission.updateProfile)
  @Mutation(() => Boolean, {
    description:
      "Asks Auth0 to mail a password reset link to the caller's current, verified address (database users only; at most one a minute). No recent sign-in needed: the mail goes to the address on file.",
  })
  async sendPasswordResetEmail(@Ctx() ctx: AccountContext): Promise<boolean> {
    await ctx.accounts.sendPasswordReset(ctx.userId());
    return true;
  }

  @Authorized(Permission.updateProfile)
  @Mutation(() => Boolean, {
    description:
      "Deletes the caller's account at Auth0 and every copy this API keeps; mails the address a notice. Needs a recent sign-in (INSUFFICIENT_USER_AUTHENTICATION otherwise) and `confirm` equal to the account's email address (spaces around and letter case ignored; BAD_USER_INPUT, field confirm, otherwise).",
  })
  async deleteMyAccount(@Arg('confirm', () => String) confirm: string, @Ctx() ctx: AccountContext): Promise<boolean> {
    const userId = ctx.userId();
    ctx.requireRecentSignIn();
    await ctx.accounts.deleteAccount(userId, confirm);
    return true;
  }
}
