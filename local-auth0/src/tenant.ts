import type { Seed, SeedClient } from './config/seed';
import { BruteForceProtection } from './oidc/brute-force';
import { CodeStore } from './oidc/codes';
import { revokeFamily } from './oidc/refresh-tokens';
import { ChangePasswordLimit } from './password-reset/change-password-limit';
import { ResetTickets } from './password-reset/reset-tickets';
import type { StateStore } from './state/store';
import type { StoredUser } from './state/types';
import type { ApiLookup, ClientLookup, PersistedState, TenantOrigin, UserLookup } from './tenant-parts';

/** Everything a request handler needs to know about the tenant: its URLs, clients and state. */
export class Tenant implements PersistedState, TenantOrigin, ClientLookup, UserLookup, ApiLookup {
  readonly issuer: string;
  readonly managementAudience: string;
  readonly codes = new CodeStore((family) => revokeFamily(this, family));
  readonly bruteForce = new BruteForceProtection();
  readonly changePasswordLimit = new ChangePasswordLimit();
  readonly resetTickets: ResetTickets;
  private lastUpdate = 0;

  constructor(
    readonly url: string,
    readonly seed: Seed,
    readonly store: StateStore,
    options: { resetTicketTtlSeconds?: number } = {},
  ) {
    this.resetTickets = new ResetTickets(options.resetTicketTtlSeconds);
    this.issuer = `${url}/`;
    this.managementAudience = `${url}/api/v2/`;
  }

  get state() {
    return this.store.state;
  }

  client(clientId: unknown): SeedClient | undefined {
    return typeof clientId === 'string' ? this.seed.clients.find((c) => c.clientId === clientId) : undefined;
  }

  /** Grants name the Management API as "management"; its real audience depends on the port. */
  grantedScopes(client: SeedClient, audience: string): string[] | undefined {
    const grant = client.grants.find((g) => (g.audience === 'management' ? this.managementAudience : g.audience) === audience);
    return grant?.scope;
  }

  /**
   * The `auth0` SDK always builds `https://{domain}/api/v2/` as its default audience, so the
   * https spelling of this tenant's Management API audience is accepted as the same API.
   */
  canonicalAudience(audience: string): string {
    const httpsSpelling = this.managementAudience.replace(/^http:/, 'https:');
    return audience === httpsSpelling ? this.managementAudience : audience;
  }

  resourceServer(audience: string) {
    return this.seed.resourceServers.find((r) => r.identifier === audience);
  }

  user(userId: string): StoredUser | undefined {
    return this.state.users.find((u) => u.user_id === userId);
  }

  userByEmail(email: string): StoredUser | undefined {
    const wanted = email.trim().toLowerCase();
    return this.state.users.find((u) => u.email.toLowerCase() === wanted);
  }

  /** A fresh `updated_at`, strictly later than any earlier one so every write moves it. */
  nextTimestamp(): string {
    this.lastUpdate = Math.max(Date.now(), this.lastUpdate + 1);
    return new Date(this.lastUpdate).toISOString();
  }

  recordLogin(user: StoredUser): void {
    const now = this.nextTimestamp();
    user.last_login = now;
    user.updated_at = now;
    user.logins_count += 1;
    this.store.save();
  }
}
