import type { Logger } from 'pino';
import type { AccessTokenClaims, VerifyAccessToken } from '../auth/access-token';
import { bearerToken, callerFromClaims, type Caller } from '../auth/caller';
import { InvalidTokenError } from '../auth/errors';
import { requireRecentSignIn, SignInTooOldError } from '../auth/recent-sign-in';
import type { RecentSignInSettings } from '../config';
import type { AccountContext } from '../account/account.resolver';
import type { AccountService } from '../account/account.service';
import type { EmailChangeContext } from '../profile/email-change/email-change.resolver';
import type { EmailChangeService } from '../profile/email-change/email-change.service';
import type { ProfileContext } from '../profile/profile.resolver';
import type { ProfileService } from '../profile/profile.service';
import { insufficientUserAuthentication, SIGN_IN_MESSAGE, unauthenticated, upstreamUnavailable } from './errors';

export interface GraphQLContext extends ProfileContext, EmailChangeContext, AccountContext {
  caller: Caller | null;
  /** The request's logger (carries the request id; made on first use). */
  readonly log: Logger;
}

export interface ContextDependencies {
  verifyAccessToken: VerifyAccessToken;
  profiles: ProfileService;
  accounts: AccountService;
  emailChanges: EmailChangeService;
  recentSignIn: RecentSignInSettings;
}

/** The caller of each verified claims object: the token cache hands out the same object until `exp`. */
function callerCache(authTimeClaim: string): (claims: AccessTokenClaims) => Caller {
  const callers = new WeakMap<AccessTokenClaims, Caller>();
  return (claims) => {
    let caller = callers.get(claims);
    if (!caller) callers.set(claims, (caller = callerFromClaims(claims, authTimeClaim)));
    return caller;
  };
}

async function authenticate(authorization: string | undefined, verify: VerifyAccessToken, callerOf: (claims: AccessTokenClaims) => Caller, log: () => Logger): Promise<Caller | null> {
  try {
    const token = bearerToken(authorization);
    return token === null ? null : callerOf(await verify(token));
  } catch (error) {
    // The reason is jose's message (e.g. '"exp" claim timestamp check failed'), never the token.
    if (error instanceof InvalidTokenError) {
      log().debug({ reason: error.message }, 'access token rejected');
      throw unauthenticated('The access token is missing or invalid');
    }
    log().warn({ err: error }, 'signing keys unavailable');
    throw upstreamUnavailable();
  }
}

/** RFC 9470: throws the step-up challenge unless the caller signed in within the allowed age. */
function checkRecentSignIn(caller: Caller | null, { maxAgeSeconds }: RecentSignInSettings): void {
  if (!caller) throw unauthenticated(SIGN_IN_MESSAGE);
  try {
    requireRecentSignIn(caller.signedInAt, maxAgeSeconds);
  } catch (error) {
    if (error instanceof SignInTooOldError) throw insufficientUserAuthentication(error.maxAgeSeconds);
    throw error;
  }
}

type ContextServices = Pick<ContextDependencies, 'profiles' | 'accounts' | 'emailChanges' | 'recentSignIn'>;

/**
 * One request's context. A class rather than an object literal: a literal's getter is a new
 * closure per request, which gives every context its own hidden class, linked from old space;
 * V8 then kept each request's garbage alive through young-generation collections (8 MB
 * promoted per scavenge, a full GC every ~170 ms under warm `me` load).
 */
class RequestContext implements GraphQLContext {
  profiles: ProfileService;
  readonly accounts: AccountService;
  readonly emailChanges: EmailChangeService;

  constructor(
    public caller: Caller | null,
    private readonly logOf: () => Logger,
    private readonly services: ContextServices,
  ) {
    this.profiles = services.profiles;
    this.accounts = services.accounts;
    this.emailChanges = services.emailChanges;
  }

  get log(): Logger {
    return this.logOf();
  }

  userId(): string {
    if (!this.caller) throw unauthenticated(SIGN_IN_MESSAGE);
    return this.caller.userId;
  }

  requireRecentSignIn(): void {
    checkRecentSignIn(this.caller, this.services.recentSignIn);
  }
}

/**
 * Builds the per-request context. A request without an Authorization header may still run
 * introspection; `me` and `updateProfile` then answer UNAUTHENTICATED. A bad token fails the
 * whole request with HTTP 401.
 */
export function createContextFactory({ verifyAccessToken, ...services }: ContextDependencies) {
  const callerOf = callerCache(services.recentSignIn.claim);
  return async (authorization: string | undefined, log: () => Logger): Promise<GraphQLContext> => {
    const caller = await authenticate(authorization, verifyAccessToken, callerOf, log);
    return new RequestContext(caller, log, services);
  };
}
