import { createHash, randomBytes } from 'node:crypto';

/** Auth0's default lifetime of a password-change link: 5 days. */
const DEFAULT_TICKET_TTL_SECONDS = 5 * 24 * 3600;
/** Outstanding tickets kept at most; the oldest go first (memory stays flat whatever is asked). */
const MAX_TICKETS = 10_000;

interface TicketRecord {
  userId: string;
  expiresAt: number;
}

const hashOf = (ticket: string) => createHash('sha256').update(ticket).digest('base64url');

/**
 * Single-use password-reset tickets, kept in memory by their SHA-256 (the ticket itself lives only
 * in the mail). A restart or `/__local/reset` forgets them, as it does authorization codes.
 */
export class ResetTickets {
  private readonly tickets = new Map<string, TicketRecord>();

  constructor(
    readonly ttlSeconds = DEFAULT_TICKET_TTL_SECONDS,
    private readonly now: () => number = Date.now,
  ) {}

  issue(userId: string): string {
    const ticket = randomBytes(32).toString('base64url');
    this.tickets.set(hashOf(ticket), { userId, expiresAt: this.now() + this.ttlSeconds * 1000 });
    if (this.tickets.size > MAX_TICKETS) this.tickets.delete(this.tickets.keys().next().value!);
    return ticket;
  }

  /** The user a live ticket is for; undefined for an unknown, used or expired one. */
  peek(ticket: string): string | undefined {
    const record = this.tickets.get(hashOf(ticket));
    if (!record) return undefined;
    if (record.expiresAt <= this.now()) {
      this.tickets.delete(hashOf(ticket));
      return undefined;
    }
    return record.userId;
  }

  /** Like peek, and the ticket is spent: a second use finds nothing. */
  consume(ticket: string): string | undefined {
    const userId = this.peek(ticket);
    this.tickets.delete(hashOf(ticket));
    return userId;
  }

  /** A deleted user's links stop working. */
  forgetUser(userId: string): void {
    for (const [hash, record] of this.tickets) if (record.userId === userId) this.tickets.delete(hash);
  }

  clear(): void {
    this.tickets.clear();
  }
}
