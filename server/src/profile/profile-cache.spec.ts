import { ProfileCache } from './profile-cache';

interface P {
  name: string;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function setup(ttlMs = 30_000, maxEntries = 100) {
  let clock = 1_000_000;
  const cache = new ProfileCache<P>({ ttlMs, maxEntries, now: () => clock });
  const fetches: string[] = [];
  const fetcher = (userId: string, name = `fetched-${userId}`) => () => {
    fetches.push(userId);
    return Promise.resolve({ name });
  };
  return { cache, fetches, fetcher, advance: (ms: number) => (clock += ms) };
}

describe('ProfileCache', () => {
  it('serves a second read from the cache within the TTL', async () => {
    const { cache, fetches, fetcher } = setup();
    await cache.get('u1', fetcher('u1'));
    expect(await cache.get('u1', fetcher('u1', 'other'))).toEqual({ name: 'fetched-u1' });
    expect(fetches).toEqual(['u1']);
  });

  it('answers a fresh copy (read or written) without fetching, nothing during a first read or once the TTL has elapsed', async () => {
    const { cache, fetches, advance } = setup(30_000);
    const reading = deferred<P>();
    const first = cache.get('u1', () => reading.promise);
    await expect(cache.fresh('u1')).resolves.toBeUndefined();
    reading.resolve({ name: 'read' });
    await first;
    await expect(cache.fresh('u1')).resolves.toEqual({ name: 'read' });
    cache.set('u1', { name: 'written' });
    advance(29_999);
    await expect(cache.fresh('u1')).resolves.toEqual({ name: 'written' });
    advance(1);
    await expect(cache.fresh('u1')).resolves.toBeUndefined();
    expect(fetches).toEqual([]);
  });

  it('fetches again once the TTL has elapsed', async () => {
    const { cache, fetches, fetcher, advance } = setup(30_000);
    await cache.get('u1', fetcher('u1'));
    advance(29_999);
    await cache.get('u1', fetcher('u1'));
    expect(fetches).toHaveLength(1);
    advance(1);
    await cache.get('u1', fetcher('u1'));
    expect(fetches).toHaveLength(2);
  });

  it('keeps users apart', async () => {
    const { cache, fetcher } = setup();
    expect(await cache.get('u1', fetcher('u1'))).toEqual({ name: 'fetched-u1' });
    expect(await cache.get('u2', fetcher('u2'))).toEqual({ name: 'fetched-u2' });
  });

  it('shares one in-flight fetch among concurrent misses for a user', async () => {
    const { cache } = setup();
    const gate = deferred<P>();
    let calls = 0;
    const fetch = () => (calls++, gate.promise);
    const reads = Array.from({ length: 20 }, () => cache.get('u1', fetch));
    gate.resolve({ name: 'once' });
    expect(await Promise.all(reads)).toEqual(Array.from({ length: 20 }, () => ({ name: 'once' })));
    expect(calls).toBe(1);
  });

  it('does not cache a failed fetch, and the next read tries again', async () => {
    const { cache, fetcher, fetches } = setup();
    const failing = () => Promise.reject(new Error('upstream down'));
    const both = [cache.get('u1', failing), cache.get('u1', failing)];
    await expect(both[0]).rejects.toThrow('upstream down');
    await expect(both[1]).rejects.toThrow('upstream down');
    expect(await cache.get('u1', fetcher('u1'))).toEqual({ name: 'fetched-u1' });
    expect(fetches).toEqual(['u1']);
  });

  it('recovers from a fetch function that throws synchronously', async () => {
    const { cache, fetcher } = setup();
    await expect(cache.get('u1', () => { throw new Error('sync'); })).rejects.toThrow('sync');
    expect(await cache.get('u1', fetcher('u1'))).toEqual({ name: 'fetched-u1' });
  });

  it('writes through: a set value is served without a fetch', async () => {
    const { cache, fetches, fetcher } = setup();
    cache.set('u1', { name: 'patched' });
    expect(await cache.get('u1', fetcher('u1'))).toEqual({ name: 'patched' });
    expect(fetches).toEqual([]);
  });

  it('never lets an older in-flight fetch overwrite a newer write', async () => {
    const { cache, fetches, fetcher } = setup();
    const gate = deferred<P>();
    const stale = cache.get('u1', () => gate.promise);
    cache.set('u1', { name: 'patched' });
    gate.resolve({ name: 'stale' });
    expect(await stale).toEqual({ name: 'stale' });
    expect(await cache.get('u1', fetcher('u1'))).toEqual({ name: 'patched' });
    expect(fetches).toEqual([]);
  });

  it('keeps the newer of two out-of-order writes when given a version', async () => {
    const cache = new ProfileCache<{ name: string; at: number }>({ ttlMs: 30_000, maxEntries: 10, version: (p) => p.at });
    cache.set('u1', { name: 'second', at: 2 });
    cache.set('u1', { name: 'first', at: 1 });
    expect(await cache.get('u1', () => Promise.reject(new Error('no fetch expected')))).toEqual({ name: 'second', at: 2 });
    cache.set('u1', { name: 'third', at: 3 });
    expect(await cache.get('u1', () => Promise.reject(new Error('no fetch expected')))).toEqual({ name: 'third', at: 3 });
  });

  it('lets a write of the same version replace the cached value (the latest answer wins a tie)', async () => {
    const cache = new ProfileCache<{ name: string; at: number }>({ ttlMs: 30_000, maxEntries: 10, version: (p) => p.at });
    cache.set('u1', { name: 'read', at: 5 });
    cache.set('u1', { name: 'written', at: 5 });
    expect(await cache.get('u1', () => Promise.reject(new Error('no fetch expected')))).toEqual({ name: 'written', at: 5 });
  });

  it('invalidate forgets the user so the next read fetches', async () => {
    const { cache, fetches, fetcher } = setup();
    await cache.get('u1', fetcher('u1'));
    cache.invalidate('u1');
    await cache.get('u1', fetcher('u1'));
    expect(fetches).toEqual(['u1', 'u1']);
  });

  it('invalidate also detaches a fetch in flight from later readers', async () => {
    const { cache, fetcher, fetches } = setup();
    const gate = deferred<P>();
    const early = cache.get('u1', () => gate.promise);
    cache.invalidate('u1');
    expect(await cache.get('u1', fetcher('u1'))).toEqual({ name: 'fetched-u1' });
    gate.resolve({ name: 'old' });
    await early;
    expect(await cache.get('u1', fetcher('u1', 'never'))).toEqual({ name: 'fetched-u1' });
    expect(fetches).toEqual(['u1']);
  });

  it('stays bounded, evicting the least recently used user', async () => {
    const { cache, fetches, fetcher } = setup(30_000, 2);
    await cache.get('u1', fetcher('u1'));
    await cache.get('u2', fetcher('u2'));
    await cache.get('u1', fetcher('u1'));
    await cache.get('u3', fetcher('u3'));
    expect(cache.size).toBe(2);
    await cache.get('u1', fetcher('u1'));
    await cache.get('u2', fetcher('u2'));
    expect(fetches).toEqual(['u1', 'u2', 'u3', 'u2']);
  });

  it('with a TTL of 0 stores nothing but still shares concurrent fetches', async () => {
    const { cache, fetches, fetcher } = setup(0);
    await Promise.all([cache.get('u1', fetcher('u1')), cache.get('u1', fetcher('u1'))]);
    cache.set('u1', { name: 'patched' });
    await cache.get('u1', fetcher('u1'));
    expect(fetches).toEqual(['u1', 'u1']);
    expect(cache.size).toBe(0);
  });

  it('rejects nonsensical options', () => {
    expect(() => new ProfileCache({ ttlMs: -1, maxEntries: 1 })).toThrow(/ttlMs/);
    expect(() => new ProfileCache({ ttlMs: 1, maxEntries: 0 })).toThrow(/maxEntries/);
  });

  it('clear forgets every user, so each next read fetches', async () => {
    const { cache, fetches, fetcher } = setup();
    await cache.get('u1', fetcher('u1'));
    await cache.get('u2', fetcher('u2'));
    cache.clear();
    expect(cache.size).toBe(0);
    await cache.get('u1', fetcher('u1'));
    expect(fetches).toEqual(['u1', 'u2', 'u1']);
  });

  it('works with room for a single user', async () => {
    const { fetches, fetcher } = setup();
    const cache = new ProfileCache<P>({ ttlMs: 30_000, maxEntries: 1 });
    await cache.get('u1', fetcher('u1'));
    await cache.get('u1', fetcher('u1'));
    expect(fetches).toEqual(['u1']);
  });
});
