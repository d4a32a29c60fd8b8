/** Auth0's default brute-force protection: 10 consecutive failures block a user/IP pair. */
const MAX_CONSECUTIVE_FAILURES = 10;
export const BLOCKED_MESSAGE = 'Your account has been blocked after multiple consecutive login attempts.';

const normalize = (identifier: string) => identifier.trim().toLowerCase();

export class LoginBlocked extends Error {
  constructor() {
    super(BLOCKED_MESSAGE);
  }
}

/**
 * Consecutive wrong passwords per identifier (the email as typed, case-folded) and IP
 * (`count_per_identifier_and_ip`). In memory: a restart or `/__local/reset` unblocks everyone.
 */
export class BruteForceProtection {
  /** Failures per identifier, then per IP. */
  private failures = new Map<string, Map<string, number>>();

  /**
   * Runs a password check for `identifier` from `ip`. A blocked pair is refused before the
   * check; the attempt counts as a failure until the check succeeds, so concurrent guesses
   * cannot slip past the limit.
   */
  async attempt<T>(identifier: string, ip: string, check: () => Promise<T | undefined>): Promise<T | undefined> {
    const key = normalize(identifier);
    const byIp = this.failures.get(key) ?? new Map<string, number>();
    const failures = byIp.get(ip) ?? 0;
    if (failures >= MAX_CONSECUTIVE_FAILURES) throw new LoginBlocked();
    this.failures.set(key, byIp.set(ip, failures + 1));
    const result = await check();
    if (result !== undefined) byIp.delete(ip);
    return result;
  }

  /** A password change lifts the block on the identifier from every IP, as on Auth0. */
  unblock(identifier: string): void {
    this.failures.delete(normalize(identifier));
  }

  clear(): void {
    this.failures.clear();
  }
}
