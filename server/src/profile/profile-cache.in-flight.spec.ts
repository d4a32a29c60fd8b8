import { ProfileCache } from './profile-cache';

interface P {
  name: string;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

/** Starts a read whose upstream answer the test releases; counts upstream fetches. */
function harness(ttlMs: number) {
  const cache = new ProfileCache<P>({ ttlMs, maxEntries: 10 });
  let fetches = 0;
  const read = (answer: Promise<P>) =>
    cache.get('u1', () => {
      fetches += 1;
      return answer;
    });
  return { cache, read, fetches: () => fetches };
}

describe('ProfileCache: a fetch overtaken by a write', () => {
  it.each([
    ['invalidate', 30_000, (cache: ProfileCache<P>) => cache.invalidate('u1')],
    ['set (with nothing stored, TTL 0)', 0, (cache: ProfileCache<P>) => cache.set('u1', { name: 'written' })],
  ])('after %s, settling late does not detach the newer fetch from later readers', async (_label, ttlMs, write) => {
    const { cache, read, fetches } = harness(ttlMs);
    const old = deferred<P>();
    const newer = deferred<P>();
    const first = read(old.promise);
    write(cache);
    const second = read(newer.promise);
    old.resolve({ name: 'old' });
    await first;
    const third = read(Promise.resolve({ name: 'third' }));
    newer.resolve({ name: 'new' });
    expect(await second).toEqual({ name: 'new' });
    expect(await third).toEqual({ name: 'new' });
    expect(fetches()).toBe(2);
  });
});
