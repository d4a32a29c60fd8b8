export interface KeySetProbeOptions {
  jwksUri: string;
  timeoutMs: number;
  /** Least time between two probes while the key set answers / while it does not. */
  intervalWhenOkMs?: number;
  intervalWhenDownMs?: number;
}

function hasKeys(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'keys' in body && Array.isArray(body.keys) && body.keys.length > 0;
}

/**
 * Whether the tenant's signing keys can be fetched, for /readyz. Probes at most once per interval
 * whatever the number of readiness checks, and remembers whether keys were ever loaded.
 */
export class KeySetProbe {
  private ok = false;
  private loaded = false;
  private lastProbeAt = -Infinity;
  private pending: Promise<void> | undefined;
  private readonly intervalWhenOkMs: number;
  private readonly intervalWhenDownMs: number;

  constructor(private readonly options: KeySetProbeOptions) {
    this.intervalWhenOkMs = options.intervalWhenOkMs ?? 5000;
    this.intervalWhenDownMs = options.intervalWhenDownMs ?? 1000;
  }

  get status(): 'ok' | 'down' {
    return this.ok ? 'ok' : 'down';
  }

  get everLoaded(): boolean {
    return this.loaded;
  }

  /** Probes if the last probe is old enough; concurrent callers share one probe. */
  check(): Promise<void> {
    const interval = this.ok ? this.intervalWhenOkMs : this.intervalWhenDownMs;
    if (this.pending) return this.pending;
    if (Date.now() - this.lastProbeAt < interval) return Promise.resolve();
    this.lastProbeAt = Date.now();
    this.pending = this.probe().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async probe(): Promise<void> {
    try {
      const response = await fetch(this.options.jwksUri, { signal: AbortSignal.timeout(this.options.timeoutMs) });
      this.ok = response.ok && hasKeys(await response.json());
    } catch {
      this.ok = false;
    }
    if (this.ok) this.loaded = true;
  }
}
