import { KeySetProbe } from './key-set-probe';

export type DependencyStatus = 'ok' | 'down';

/** What the instance knows about itself and what it depends on, at the time of a readiness check. */
export interface ReadinessState {
  phase: 'starting' | 'serving' | 'draining';
  /** Whether the signing keys were ever fetched: without them no token can be verified. */
  signingKeysLoaded: boolean;
  redis: DependencyStatus | 'disabled';
  jwks: DependencyStatus;
  managementToken: DependencyStatus;
}

export interface InstanceHealthOptions {
  jwksUri: string;
  timeoutMs: number;
  redisStatus: () => ReadinessState['redis'];
}

/**
 * The instance's lifecycle and its dependencies' state, gathered for /readyz: the key set is
 * probed (first at construction), the Management API token is whatever its last request did
 * (ok until one fails), Redis is what the shared-state connection says.
 */
export class InstanceHealth {
  private phase: ReadinessState['phase'] = 'starting';
  private managementToken: DependencyStatus = 'ok';
  private readonly keySet: KeySetProbe;

  constructor(private readonly options: InstanceHealthOptions) {
    this.keySet = new KeySetProbe({ jwksUri: options.jwksUri, timeoutMs: options.timeoutMs });
    void this.keySet.check();
  }

  observeTokenRequest(ok: boolean): void {
    this.managementToken = ok ? 'ok' : 'down';
  }

  serving(): void {
    this.phase = 'serving';
  }

  draining(): void {
    this.phase = 'draining';
  }

  async snapshot(): Promise<ReadinessState> {
    await this.keySet.check();
    return {
      phase: this.phase,
      signingKeysLoaded: this.keySet.everLoaded,
      redis: this.options.redisStatus(),
      jwks: this.keySet.status,
      managementToken: this.managementToken,
    };
  }
}
