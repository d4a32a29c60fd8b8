import type { SeedClient, SeedResourceServer } from './config/seed';
import type { StoredUser, TenantState } from './state/types';

// Narrow views of the Tenant (which implements them all) for modules that need one part of it.

/** The tenant's state and its save(): for modules that only read and write state. */
export interface PersistedState {
  readonly state: TenantState;
  readonly store: { save(): void };
}

/** Where the tenant is: its origin and its issuer (origin + '/'). */
export interface TenantOrigin {
  readonly url: string;
  readonly issuer: string;
}

export interface ClientLookup {
  client(clientId: unknown): SeedClient | undefined;
}

export interface UserLookup {
  user(userId: string): StoredUser | undefined;
}

/** The APIs tokens may be issued for: the Management API and the seed's resource servers. */
export interface ApiLookup {
  readonly managementAudience: string;
  resourceServer(audience: string): SeedResourceServer | undefined;
  canonicalAudience(audience: string): string;
}

/** What signing and verifying the tenant's own tokens needs: its keys, issuer and APIs. */
export type TokenIssuer = PersistedState & TenantOrigin & ApiLookup;
