import type { Logger } from 'pino';
import { BasicClientSideCache, createClient, type RedisClientType } from 'redis';

export type SharedStateStatus = 'ok' | 'down';

export interface SharedRedisOptions {
  url: string;
  /** A command not answered within this counts as a failure. */
  commandTimeoutMs: number;
  log: Logger;
  /** While down on an open connection (Redis stalled), how often a PING checks whether it answers again. */
  probeIntervalMs?: number;
}

/** Thrown by `run` instead of whatever Redis failed with; callers answer from their in-process fallback. */
export class SharedStateUnavailableError extends Error {
  override readonly name = 'SharedStateUnavailableError';
}

const MAX_RECONNECT_DELAY_MS = 1000;
/** Longest a reply is served from the client-side cache (a stalled Redis pushes no invalidation). */
const CLIENT_CACHE_TTL_MS = 1000;
/** About four cached reads per user (profile data, its version, last-known, deleted mark) for 10,000 users. */
const CLIENT_CACHE_MAX_ENTRIES = 40_000;
const CLOSE_WAIT_MS = 1000;
/** How often a PING proves that Redis's invalidation pushes are arriving (see `invalidationsCurrent`). */
const HEARTBEAT_MS = 250;

/**
 * The process's one Redis connection and its health. Every command goes through `run`, which
 * fails fast (no offline queue, bounded command time) while Redis is down or stalled, so callers
 * fall back to their in-process state instead of making a user wait or fail. One warning is
 * logged when Redis goes down and one line when it is back; listeners registered with
 * `onRecovered` then put things right (e.g. forget what was cached only in process meanwhile).
 */
export class SharedRedis {
  readonly client: RedisClientType;
  private readonly clientCache = new BasicClientSideCache({ ttl: CLIENT_CACHE_TTL_MS, maxEntries: CLIENT_CACHE_MAX_ENTRIES, evictPolicy: 'LRU' });
  private healthy = false;
  /** Whether the warning of the current outage was logged (one per outage). */
  private warned = false;
  private probing: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly recoveryListeners: (() => void)[] = [];
  private readonly outageListeners: (() => void)[] = [];
  private readonly log: Logger;
  private readonly probeIntervalMs: number;
  private readonly commandTimeoutMs: number;
  /** When the last PING answered was sent (ms since the epoch); see `invalidationsCurrent`. */
  private confirmedAt = 0;
  private beating = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(options: SharedRedisOptions) {
    this.log = options.log;
    this.probeIntervalMs = options.probeIntervalMs ?? 1000;
    this.commandTimeoutMs = options.commandTimeoutMs;
    this.client = createClient({
      url: options.url,
      // Client-side caching: cacheable reads (HMGET, GET, EXISTS) are answered in process until
      // Redis pushes an invalidation for their key (RESP3 tracking), sent before the writer's
      // reply. The ttl bounds what a stalled Redis, which pushes nothing, could leave stale.
      RESP: 3,
      clientSideCache: this.clientCache,
      disableOfflineQueue: true,
      commandOptions: { timeout: options.commandTimeoutMs },
      socket: {
        connectTimeout: Math.max(1000, options.commandTimeoutMs * 4),
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
      },
      // The commands used here answer alike in RESP2 and RESP3; the RESP2-typed client reads better.
    }) as unknown as RedisClientType;
    this.client.on('error', (error: unknown) => this.markDown(error));
    this.client.on('ready', () => this.markUp());
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Connects in the background; resolves once connected or after `waitMs`, never rejects. */
  async start(waitMs: number): Promise<void> {
    const ready = new Promise<void>((resolve) => this.client.once('ready', () => resolve()));
    this.client.connect().catch((error: unknown) => this.markDown(error));
    await Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, waitMs).unref())]);
  }

  get status(): SharedStateStatus {
    return this.usable ? 'ok' : 'down';
  }

  /** Whether commands are sent at all; false while Redis is down or stalled. */
  get usable(): boolean {
    return this.healthy && this.client.isReady;
  }

  /**
   * Whether every invalidation push for a write Redis acknowledged more than CLIENT_CACHE_TTL_MS
   * ago has arrived: replies come in order on the one connection, so once a PING sent at t is
   * answered, the pushes of every write acknowledged before t came before it. What a replica
   * kept from its reads and drops on their pushes is then no staler than the client-side cache.
   */
  get invalidationsCurrent(): boolean {
    return this.usable && Date.now() - this.confirmedAt <= CLIENT_CACHE_TTL_MS;
  }

  /** Runs the command; throws SharedStateUnavailableError (and marks Redis down) if it cannot. */
  async run<T>(command: (client: RedisClientType) => Promise<T>): Promise<T> {
    if (!this.usable) throw new SharedStateUnavailableError('Redis is unavailable');
    try {
      return await this.withinTimeout(command(this.client));
    } catch (error) {
      this.markDown(error);
      throw new SharedStateUnavailableError('Redis command failed', { cause: error });
    }
  }

  /** `run`, answering `fallback()` instead of failing. */
  async attempt<T>(command: (client: RedisClientType) => Promise<T>, fallback: () => T | Promise<T>): Promise<T> {
    try {
      return await this.run(command);
    } catch {
      return fallback();
    }
  }

  // node-redis's own command timeout stops counting once a command is written: a stalled server
  // would hold the reply forever, so the wait for it is bounded here.
  private async withinTimeout<T>(reply: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.commandTimeoutMs} ms`)), this.commandTimeoutMs);
    });
    try {
      return await Promise.race([reply, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Told each key Redis says changed (null: every key), as the client-side cache drops it. */
  onInvalidated(listener: (key: string | null) => void): void {
    this.clientCache.on('invalidate', (key: unknown) => listener(key === null || key === undefined ? null : String(key)));
  }

  onRecovered(listener: () => void): void {
    this.recoveryListeners.push(listener);
  }

  /** Called once per outage, when this process starts serving from its in-process state. */
  onUnavailable(listener: () => void): void {
    this.outageListeners.push(listener);
  }

  /** Lets pending replies arrive for a moment (a stalled Redis must not hold the drain), then drops the connection. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.probing);
    clearInterval(this.heartbeat);
    if (this.client.isOpen) {
      const closing = this.client.close().catch(() => undefined);
      await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
    }
    if (this.client.isOpen) this.client.destroy();
  }

  private markDown(error: unknown): void {
    if (this.closed) return;
    this.healthy = false;
    if (!this.warned) {
      this.warned = true;
      this.log.warn({ err: error }, 'Redis unavailable: serving from in-process state until it returns');
      for (const listener of this.outageListeners) listener();
    }
    this.scheduleProbe();
  }

  private markUp(): void {
    if (this.healthy || this.closed) return;
    this.healthy = true;
    clearTimeout(this.probing);
    this.probing = undefined;
    if (this.warned) this.log.info('Redis available again: shared state back in use');
    this.warned = false;
    for (const listener of this.recoveryListeners) listener();
  }

  private beat(): void {
    if (!this.usable || this.beating) return;
    this.beating = true;
    const sent = Date.now();
    this.withinTimeout(this.client.ping()).then(
      () => {
        this.confirmedAt = sent;
        this.beating = false;
      },
      () => (this.beating = false),
    );
  }

  /** A stalled Redis keeps the connection open, so no 'ready' event says it answers again: ask it. */
  private scheduleProbe(): void {
    if (this.probing || this.closed) return;
    this.probing = setTimeout(() => {
      this.probing = undefined;
      if (this.healthy || this.closed) return;
      if (!this.client.isReady) return this.scheduleProbe();
      this.withinTimeout(this.client.ping()).then(
        () => this.markUp(),
        () => this.scheduleProbe(),
      );
    }, this.probeIntervalMs);
    this.probing.unref();
  }
}
