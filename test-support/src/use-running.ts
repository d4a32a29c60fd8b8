/**
 * The set-up spec files share, written once: start something (a tenant, an API, a fleet) before
 * the tests, close it after them, optionally reset it before each. The hooks are registered in the
 * scope useRunning is called in (the file or a describe block).
 */
export interface UseRunningOptions<T> {
  /** Before each test ('file' lifetime): e.g. the tenant back to its seed. */
  reset?: (running: T) => unknown;
  /** 'file' (default): one for the file or describe block; 'test': a fresh one per test. */
  lifetime?: 'file' | 'test';
  /** Starting a tenant (RSA keys) or a fleet can take many seconds on a busy machine. Default 60 s. */
  startTimeoutMs?: number;
}

/**
 * Answers a stand-in that reads through to the running value, so specs keep writing `tenant.url`;
 * reading it before the start (at the top level of a file) throws.
 */
export function useRunning<T extends { close(): unknown }>(start: () => Promise<T>, options: UseRunningOptions<T> = {}): T {
  let running: T | undefined;
  const current = (): T => {
    if (!running) throw new Error('useRunning: it starts in a beforeAll/beforeEach hook; read it inside a hook or a test');
    return running;
  };
  const up = async () => {
    running = await start();
  };
  const down = async () => {
    await running?.close();
    running = undefined;
  };
  const timeout = options.startTimeoutMs ?? 60_000;
  if (options.lifetime === 'test') {
    beforeEach(up, timeout);
    afterEach(down);
  } else {
    beforeAll(up, timeout);
    afterAll(down);
    const { reset } = options;
    if (reset) beforeEach(async () => void (await reset(current())));
  }
  return new Proxy({} as T, {
    get(_stand, key) {
      const target = current();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has: (_stand, key) => key in current(),
  });
}
