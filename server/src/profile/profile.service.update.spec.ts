// What an update of names costs upstream, and why it stays right, with and without a fresh
// cached copy of the user: the PATCH alone when the copy says the names change.
import { Auth0UserNotFoundError } from '../auth0/errors';
import type { StoredUser } from '../auth0/users';
import { inMemoryUsers } from './in-memory-users';
import { InProcessLastKnownStore } from './last-known-store';
import { ProfileCache } from './profile-cache';
import { ProfileService } from './profile.service';

const BLIND_FIRST_NAME = (value: string) => `PATCH auth0|ada {"user_metadata":{"firstName":"${value}","firstNAme":null,"first_name":null}}`;

async function cachedService() {
  const tenant = inMemoryUsers();
  const cache = new ProfileCache<StoredUser>({ ttlMs: 60_000, maxEntries: 10, version: (u) => Date.parse(u.updatedAt) });
  const lastKnown = new InProcessLastKnownStore<StoredUser>({ ttlMs: 60_000, maxEntries: 10 });
  const service = new ProfileService(tenant.users, { cache, lastKnown });
  await service.me('auth0|ada');
  tenant.calls.length = 0;
  return { ...tenant, service, lastKnown };
}

describe('an update with a fresh cached copy', () => {
  it('that changes a name is one PATCH (every alias of the field deleted), whose answer is what me and last-known hold', async () => {
    const { service, calls, lastKnown } = await cachedService();
    await expect(service.update('auth0|ada', { firstName: 'Augusta' })).resolves.toMatchObject({ firstName: 'Augusta' });
    await expect(service.me('auth0|ada')).resolves.toMatchObject({ firstName: 'Augusta', updatedAt: new Date('2026-01-01T00:00:01.000Z') });
    expect(calls).toEqual([BLIND_FIRST_NAME('Augusta')]);
    await expect(lastKnown.recall('auth0|ada')).resolves.toMatchObject({ value: { userMetadata: { firstName: 'Augusta' } } });
  });

  it('that changes nothing by the copy is confirmed by one fresh read, and sends no PATCH', async () => {
    const { service, calls } = await cachedService();
    await expect(service.update('auth0|ada', { firstName: ' Ada ' })).resolves.toMatchObject({ firstName: 'Ada' });
    await expect(service.update('auth0|ada', {})).resolves.toMatchObject({ firstName: 'Ada' });
    expect(calls).toEqual(['GET auth0|ada', 'GET auth0|ada']);
  });

  it('that is stale and says "no change" still writes what the user asked for', async () => {
    const { service, calls, change, current } = await cachedService();
    change({ userMetadata: { firstName: 'Augusta' } });
    await expect(service.update('auth0|ada', { firstName: 'Ada' })).resolves.toMatchObject({ firstName: 'Ada' });
    expect(calls).toEqual(['GET auth0|ada', 'PATCH auth0|ada {"user_metadata":{"firstName":"Ada"}}']);
    expect(current().userMetadata).toEqual({ firstName: 'Ada' });
  });

  it('that is stale and misses an alias written since still leaves the value asked for and no alias', async () => {
    const { service, calls, change, current } = await cachedService();
    change({ userMetadata: { firstName: 'Augusta', first_name: 'Gusta', lastname: 'King' } });
    await expect(service.update('auth0|ada', { firstName: 'Countess' })).resolves.toMatchObject({ firstName: 'Countess', lastName: 'King' });
    expect(calls).toEqual([BLIND_FIRST_NAME('Countess')]);
    expect(current().userMetadata).toEqual({ firstName: 'Countess', lastname: 'King' });
  });

  it('keeps both of two concurrent updates of different fields (disjoint keys)', async () => {
    const { service, current } = await cachedService();
    await Promise.all([service.update('auth0|ada', { firstName: 'Augusta' }), service.update('auth0|ada', { lastName: 'King' })]);
    expect(current().userMetadata).toEqual({ firstName: 'Augusta', lastName: 'King' });
    await expect(service.me('auth0|ada')).resolves.toMatchObject({ firstName: 'Augusta', lastName: 'King' });
  });

  it('refuses a user blocked since the copy was cached by the PATCH answer, and me at once, with no read', async () => {
    const { service, calls, change } = await cachedService();
    change({ blocked: true });
    await expect(service.update('auth0|ada', { firstName: 'Augusta' })).rejects.toMatchObject({ reason: 'blocked' });
    await expect(service.me('auth0|ada')).rejects.toMatchObject({ reason: 'blocked' });
    await expect(service.update('auth0|ada', { firstName: 'Other' })).rejects.toMatchObject({ reason: 'blocked' });
    expect(calls).toEqual([BLIND_FIRST_NAME('Augusta'), 'GET auth0|ada']);
  });

  it('of a blocked user reads fresh before writing: unblocked since, the change goes through', async () => {
    const { users, calls, change } = inMemoryUsers();
    const cache = new ProfileCache<StoredUser>({ ttlMs: 60_000, maxEntries: 10, version: (u) => Date.parse(u.updatedAt) });
    const service = new ProfileService(users, { cache });
    change({ blocked: true });
    await expect(service.me('auth0|ada')).rejects.toMatchObject({ reason: 'blocked' });
    change({ blocked: false });
    await expect(service.update('auth0|ada', { firstName: 'Augusta' })).resolves.toMatchObject({ firstName: 'Augusta' });
    expect(calls).toEqual(['GET auth0|ada', 'GET auth0|ada', 'PATCH auth0|ada {"user_metadata":{"firstName":"Augusta"}}']);
  });

  it('forgets the cached and last-known copies when the PATCH answers 404', async () => {
    const { service, calls, failures, lastKnown } = await cachedService();
    failures.patch = new Auth0UserNotFoundError();
    failures.get = new Auth0UserNotFoundError();
    await expect(service.update('auth0|ada', { firstName: 'Augusta' })).rejects.toBeInstanceOf(Auth0UserNotFoundError);
    await expect(lastKnown.recall('auth0|ada')).resolves.toBeUndefined();
    await expect(service.me('auth0|ada')).rejects.toBeInstanceOf(Auth0UserNotFoundError);
    expect(calls).toEqual([BLIND_FIRST_NAME('Augusta'), 'GET auth0|ada']);
  });
});
