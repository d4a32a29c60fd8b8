import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { Permission } from '../../auth/permissions';
import type { ProfileContext } from '../profile.resolver';
import type { ProfileView } from '../profile.service';
import { Profile } from '../profile.type';
import type { EmailChangeService } from './email-change.service';
import { EmailChangeMode, PendingEmailChange } from './email-change.type';
import type { PendingEmailChangeView } from './pending-email-change';

export interface EmailChangeContext extends ProfileContext {
  emailChanges: EmailChangeService;
}

@Resolver(() => Profile)
export class EmailChangeResolver {
  @Authorized(Permission.updateProfile)
  @Mutation(() => PendingEmailChange, {
    description: 'Start an email change (database users; needs a recent sign-in): a single-use link goes to the new address. A new request replaces the pending one.',
  })
  requestEmailChange(@Arg('email', () => String) email: string, @Ctx() ctx: EmailChangeContext): Promise<PendingEmailChangeView> {
    ctx.requireRecentSignIn();
    return ctx.emailChanges.request(ctx.userId(), email);
  }

  @Authorized(Permission.updateProfile)
  @Mutation(() => Profile, { description: "Follow the mailed link: the email switches to the proven address (verified) and the old address is told." })
  confirmEmailChange(@Arg('token', () => String) token: string, @Ctx() ctx: EmailChangeContext): Promise<ProfileView> {
    return ctx.emailChanges.confirm(ctx.userId(), token);
  }

  @Authorized(Permission.updateProfile)
  @Mutation(() => Profile, { description: 'Drop the pending email change, if any.' })
  cancelEmailChange(@Ctx() ctx: EmailChangeContext): Promise<ProfileView> {
    return ctx.emailChanges.cancel(ctx.userId());
  }

  @FieldResolver(() => EmailChangeMode, { description: 'How requestEmailChange works here.' })
  emailChangeMode(@Ctx() ctx: EmailChangeContext): EmailChangeMode {
    return ctx.emailChanges.mode as EmailChangeMode;
  }
}
