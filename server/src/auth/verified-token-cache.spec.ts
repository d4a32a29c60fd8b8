import { cacheVerifiedTokens } from './verified-token-cache';

interface Claims {
  sub: string;
  exp?: number;
}

function setup(claimsFor: (token: string) => Claims | Error, maxEntries = 100) {
  let clockMs = 1_700_000_000_000;
  const verifications: string[] = [];
  const verify = async (token: string): Promise<Claims> => {
    verifications.push(token);
    const result = claimsFor(token);
    if (result instanceof Error) throw result;
    return result;
  };
  const cached = cacheVerifiedTokens(verify, { maxEntries, now: () => clockMs });
  return {
    cached,
    verifications,
    nowSeconds: () => Math.floor(clockMs / 1000),
    advance: (ms: number) => (clockMs += ms),
  };
}

const inAnHour = (nowSeconds: number) => nowSeconds + 3600;

describe('cacheVerifiedTokens', () => {
  it('verifies a token once and answers repeats from the cache', async () => {
    const t = setup((token) => ({ sub: token, exp: inAnHour(1_700_000_000) }));
    expect(await t.cached('A')).toEqual({ sub: 'A', exp: 1_700_003_600 });
    expect(await t.cached('A')).toEqual({ sub: 'A', exp: 1_700_003_600 });
    expect(t.verifications).toEqual(['A']);
  });

  it('keeps different tokens apart', async () => {
    const t = setup((token) => ({ sub: `user-${token}`, exp: inAnHour(1_700_000_000) }));
    expect((await t.cached('A')).sub).toBe('user-A');
    expect((await t.cached('B')).sub).toBe('user-B');
    expect(t.verifications).toEqual(['A', 'B']);
  });

  it('never caches a failure: each use of a bad token is verified again', async () => {
    const t = setup(() => new Error('bad signature'));
    await expect(t.cached('X')).rejects.toThrow('bad signature');
    await expect(t.cached('X')).rejects.toThrow('bad signature');
    expect(t.verifications).toEqual(['X', 'X']);
  });

  it('stops answering from the cache at exp and hands the token back to the verifier', async () => {
    let expired = false;
    const t = setup(() => (expired ? new Error('expired') : { sub: 'A', exp: 1_700_000_060 }));
    await t.cached('A');
    t.advance(59_999);
    await t.cached('A');
    expect(t.verifications).toHaveLength(1);
    t.advance(1);
    expired = true;
    await expect(t.cached('A')).rejects.toThrow('expired');
    expect(t.verifications).toHaveLength(2);
  });

  it('does not cache a token without exp', async () => {
    const t = setup(() => ({ sub: 'A' }));
    await t.cached('A');
    await t.cached('A');
    expect(t.verifications).toHaveLength(2);
  });

  it('does not cache a token the verifier accepted within its clock tolerance after exp', async () => {
    const t = setup(() => ({ sub: 'A', exp: 1_699_999_990 }));
    await t.cached('A');
    await t.cached('A');
    expect(t.verifications).toHaveLength(2);
  });

  it('shares one verification among concurrent first uses of a token', async () => {
    const t = setup(() => ({ sub: 'A', exp: inAnHour(1_700_000_000) }));
    const all = await Promise.all(Array.from({ length: 10 }, () => t.cached('A')));
    expect(all.every((c) => c.sub === 'A')).toBe(true);
    expect(t.verifications).toHaveLength(1);
  });

  it('recovers from a verifier that throws synchronously', async () => {
    let fail = true;
    const verify = (token: string): Promise<Claims> => {
      if (fail) throw new Error('sync failure');
      return Promise.resolve({ sub: token, exp: 1_700_003_600 });
    };
    const cached = cacheVerifiedTokens(verify, { maxEntries: 10, now: () => 1_700_000_000_000 });
    await expect(cached('A')).rejects.toThrow('sync failure');
    fail = false;
    expect((await cached('A')).sub).toBe('A');
  });

  it('stays bounded, evicting the least recently used token', async () => {
    const t = setup((token) => ({ sub: token, exp: inAnHour(1_700_000_000) }), 2);
    await t.cached('A');
    await t.cached('B');
    await t.cached('C');
    await t.cached('A');
    expect(t.verifications).toEqual(['A', 'B', 'C', 'A']);
  });

  it('rejects a nonsensical size', () => {
    expect(() => cacheVerifiedTokens<Claims>(async () => ({ sub: 'x' }), { maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => cacheVerifiedTokens<Claims>(async () => ({ sub: 'x' }), { maxEntries: 1.5 })).toThrow(/maxEntries/);
    expect(() => cacheVerifiedTokens<Claims>(async () => ({ sub: 'x' }), { maxEntries: 1 })).not.toThrow();
  });
});
