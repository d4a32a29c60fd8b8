import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import { UpdateProfileInput } from './profile.input';
import type { ProfileService, ProfileView } from './profile.service';
import { Profile } from './profile.type';

/** What the resolvers need from the GraphQL context. */
export interface ProfileContext {
  /** The verified caller's user id; throws UNAUTHENTICATED when the request carries no token. */
  userId(): string;
  /** For sensitive operations: throws INSUFFICIENT_USER_AUTHENTICATION (RFC 9470) unless the caller signed in recently. */
  requireRecentSignIn(): void;
  profiles: ProfileService;
}

@Resolver(() => Profile)
export class ProfileResolver {
  @Authorized(Permission.readProfile)
  @Query(() => Profile, { description: "The caller's own profile." })
  me(@Ctx() ctx: ProfileContext): Promise<ProfileView> {
    return ctx.profiles.me(ctx.userId());
  }

  @Authorized(Permission.updateProfile)
  @Mutation(() => Profile, { description: "Change the caller's own profile. Only the fields given are changed." })
  updateProfile(
    @Arg('input', () => UpdateProfileInput) input: UpdateProfileInput,
    @Ctx() ctx: ProfileContext,
  ): Promise<ProfileView> {
    return ctx.profiles.update(ctx.userId(), input);
  }
}
