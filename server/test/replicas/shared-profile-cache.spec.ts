import pino from 'pino';
import { createClient } from 'redis';
import { ProfileCache } from '../../src/profile/profile-cache';
import { SharedProfileCache } from '../../src/shared-state/shared-profile-cache';
import { SharedRedis } from '../../src/shared-state/shared-redis';
import { startRedis } from 'test-support';
import { useRunning } from 'test-support/hooks';

// The shared cache against a real redis-server: two instances stand for two replicas.
interface Value {
  name: string;
  version: number;
}

const connections: SharedRedis[] = [];
afterAll(() => Promise.all(connections.map((connection) => connection.close())));
const redis = useRunning(startRedis);

/** A replica's cache; replicas given the same `keyPrefix` share entries. */
async function replica(keyPrefix: string, ttlMs = 30_000, url = redis.url): Promise<SharedProfileCache<Value>> {
  const connection = new SharedRedis({ url, commandTimeoutMs: 500, log: pino({ level: 'silent' }) });
  connections.push(connection);
  await connection.start(2000);
  return new SharedProfileCache<Value>({
    redis: connection,
    fallback: new ProfileCache<Value>({ ttlMs, maxEntries: 100 }),
    ttlMs,
    staleGraceMs: 1000,
    refreshLockMs: 2000,
    version: (value) => value.version,
    keyPrefix,
  });
}

const never = () => Promise.reject(new Error('must not read upstream'));

it('never lets an older write replace a newer one, whatever order they arrive in', async () => {
  const a = await replica('t1:');
  await a.set('u1', { name: 'new', version: 2 });
  await a.set('u1', { name: 'old', version: 1 });
  await expect(a.get('u1', never)).resolves.toEqual({ name: 'new', version: 2 });
});

it('keeps a write made during a slow upstream read: the late, older answer is not stored', async () => {
  const a = await replica('t2:');
  let answer: (value: Value) => void = () => undefined;
  const reading = a.get('u2', () => new Promise<Value>((resolve) => (answer = resolve)));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await a.set('u2', { name: 'written', version: 5 });
  answer({ name: 'read before the write', version: 4 });
  await reading;
  await expect(a.get('u2', never)).resolves.toEqual({ name: 'written', version: 5 });
});

const slowFetch = (counter: { reads: number }, value: Value, delayMs = 300) => async () => {
  counter.reads += 1;
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  return value;
};

it('reads upstream once for concurrent misses on two replicas; the other waits for that read', async () => {
  const [a, b] = await Promise.all([replica('t3:'), replica('t3:')]);
  const counter = { reads: 0 };
  const fetch = slowFetch(counter, { name: 'fetched', version: 1 });
  const answers = await Promise.all([a.get('u3', fetch), b.get('u3', fetch)]);
  expect(answers).toEqual([{ name: 'fetched', version: 1 }, { name: 'fetched', version: 1 }]);
  expect(counter.reads).toBe(1);
});

it('once an entry expires, one replica refreshes it while the other answers the just-expired copy at once', async () => {
  const [a, b] = await Promise.all([replica('t4:', 300), replica('t4:', 300)]);
  await a.set('u4', { name: 'first', version: 1 });
  await new Promise((resolve) => setTimeout(resolve, 400));
  const counter = { reads: 0 };
  const refreshing = a.get('u4', slowFetch(counter, { name: 'second', version: 2 }, 1500));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = Date.now();
  await expect(b.get('u4', slowFetch(counter, { name: 'third', version: 3 }))).resolves.toEqual({ name: 'first', version: 1 });
  // Well before the refresh (1.5 s) could have answered.
  expect(Date.now() - started).toBeLessThan(1000);
  await expect(refreshing).resolves.toEqual({ name: 'second', version: 2 });
  expect(counter.reads).toBe(1);
  await expect(b.get('u4', never)).resolves.toEqual({ name: 'second', version: 2 });
});

it('reads upstream once for concurrent misses on one replica, and a write starts later reads afresh', async () => {
  const a = await replica('t5:');
  let reads = 0;
  let answer: (value: Value) => void = () => undefined;
  const slow = () => {
    reads += 1;
    return new Promise<Value>((resolve) => (answer = resolve));
  };
  const waiting = Array.from({ length: 10 }, () => a.get('u5', slow));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(reads).toBe(1);
  await a.set('u5', { name: 'written', version: 2 });
  const after = a.get('u5', never);
  answer({ name: 'read', version: 1 });
  await expect(Promise.all(waiting)).resolves.toEqual(Array.from({ length: 10 }, () => ({ name: 'read', version: 1 })));
  await expect(after).resolves.toEqual({ name: 'written', version: 2 });
});

it('answers, without reading upstream, the fresh copy another replica wrote last, and nothing once it expires', async () => {
  const [a, b] = await Promise.all([replica('t6:', 300), replica('t6:', 300)]);
  const bConnection = connections.at(-1)!;
  // Redis may write a's acknowledgement a moment before b's invalidation, and here both replicas
  // share one event loop; a round trip on b's connection is answered after that invalidation.
  const afterInvalidations = () => bConnection.run((client) => client.ping());
  await expect(b.fresh('u6')).resolves.toBeUndefined();
  await a.set('u6', { name: 'written on a', version: 1 });
  await afterInvalidations();
  await expect(b.fresh('u6')).resolves.toEqual({ name: 'written on a', version: 1 });
  await a.set('u6', { name: 'written again', version: 2 });
  await afterInvalidations();
  await expect(b.fresh('u6')).resolves.toEqual({ name: 'written again', version: 2 });
  await new Promise((resolve) => setTimeout(resolve, 400));
  await expect(b.fresh('u6')).resolves.toBeUndefined();
});

it('answers the copy written in process while Redis is down', async () => {
  const own = await startRedis();
  try {
    const a = await replica('t7:', 30_000, own.url);
    await own.kill();
    await a.set('u7', { name: 'written while down', version: 1 });
    await expect(a.fresh('u7')).resolves.toEqual({ name: 'written while down', version: 1 });
  } finally {
    await own.close();
  }
});

/** How many HMGETs the Redis server has run so far (its own count, INFO commandstats). */
async function hmgetsRun(): Promise<number> {
  const probe = createClient({ url: redis.url });
  await probe.connect();
  try {
    const stats = await probe.info('commandstats');
    return Number(/cmdstat_hmget:calls=(\d+)/.exec(stats)?.[1] ?? 0);
  } finally {
    probe.destroy();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("checks a warm version with no Redis command while pushes arrive, sees the other replica's write at once, and stops trusting it when Redis stalls", async () => {
  const [a, b] = await Promise.all([replica('t8:'), replica('t8:')]);
  const bConnection = connections.at(-1)!;
  await a.set('u8', { name: 'first', version: 1 });
  await expect(b.freshVersion('u8')).resolves.toBe(1);
  // Longer than the client-side cache's ttl: the version is still known without asking Redis.
  await sleep(1500);
  const before = await hmgetsRun();
  await expect(b.freshVersion('u8')).resolves.toBe(1);
  expect(await hmgetsRun()).toBe(before);

  await a.set('u8', { name: 'second', version: 2 });
  // As above: a round trip on b's connection is answered after a's invalidation.
  await bConnection.run((client) => client.ping());
  await expect(b.freshVersion('u8')).resolves.toBe(2);

  redis.pause();
  try {
    await sleep(1300);
    // No heartbeat answered for over a second: the kept version is not used, Redis is asked and does not answer.
    await expect(b.freshVersion('u8')).resolves.toBeUndefined();
  } finally {
    redis.resume();
  }
}, 15_000);
