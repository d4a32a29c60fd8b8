import { Auth0RejectedError, Auth0UnavailableError, Auth0UserNotFoundError } from '../auth0/errors';
import type { StoredUser } from '../auth0/users';
import { inMemoryUsers } from './in-memory-users';
import { InProcessLastKnownStore } from './last-known-store';
import { LastKnownReason } from './last-known';
import { ProfileCache } from './profile-cache';
import { ProfileForbiddenError, ProfileInputError } from './profile.errors';
import { ProfileService } from './profile.service';

const tenant = inMemoryUsers;

const cache = () => new ProfileCache<StoredUser>({ ttlMs: 60_000, maxEntries: 10, version: (u) => Date.parse(u.updatedAt) });

describe('ProfileService.me', () => {
  it('answers the stored user as the profile view', async () => {
    const { users } = tenant();
    await expect(new ProfileService(users).me('auth0|ada')).resolves.toMatchObject({
      id: 'auth0|ada',
      email: 'ada@example.com',
      firstName: 'Ada',
      connection: 'Username-Password-Authentication',
      canChangeEmail: true,
      lastKnown: null,
      updatedAt: new Date('2026-01-01T00:00:00.000Z'),
    });
  });

  it('answers a user without identities with no connection, unable to change the email', async () => {
    const { users, change } = tenant();
    change({ identities: [] });
    await expect(new ProfileService(users).me('auth0|ada')).resolves.toMatchObject({ connection: '', canChangeEmail: false });
  });

  it('drops a stored value the rules refuse, and reports it with the user id but without the value', async () => {
    const { users, change } = tenant();
    change({ userMetadata: { firstName: 'A'.repeat(5000) } });
    const dropped: unknown[] = [];
    const service = new ProfileService(users, { logDropped: (userId, value) => dropped.push({ userId, ...value }) });
    await expect(service.me('auth0|ada')).resolves.toMatchObject({ firstName: null });
    expect(dropped).toEqual([expect.objectContaining({ userId: 'auth0|ada', field: 'firstName', key: 'firstName', length: 5000 })]);
    await expect(new ProfileService(users).me('auth0|ada')).resolves.toMatchObject({ firstName: null });
  });

  it('reads through the cache, and says which version it holds', async () => {
    const { users, calls } = tenant();
    const service = new ProfileService(users, { cache: cache() });
    await expect(service.cachedVersion('auth0|ada')).resolves.toBeUndefined();
    await service.me('auth0|ada');
    await service.me('auth0|ada');
    expect(calls).toEqual(['GET auth0|ada']);
    await expect(service.cachedVersion('auth0|ada')).resolves.toBe(Date.parse('2026-01-01T00:00:00.000Z'));
    await expect(new ProfileService(users).cachedVersion('auth0|ada')).resolves.toBeUndefined();
  });

  it('answers the last-known profile, marked, when Auth0 is down, and tells the caller', async () => {
    const { users, failures } = tenant();
    const told: string[] = [];
    const service = new ProfileService(users, {
      lastKnown: new InProcessLastKnownStore({ ttlMs: 60_000, maxEntries: 10 }),
      onLastKnownAnswer: (userId, mark) => told.push(`${userId} ${mark.reason}`),
    });
    await service.me('auth0|ada');
    failures.get = new Auth0UnavailableError('status', 503);
    await expect(service.me('auth0|ada')).resolves.toMatchObject({ firstName: 'Ada', lastKnown: { reason: LastKnownReason.UPSTREAM_ERROR } });
    expect(told).toEqual(['auth0|ada UPSTREAM_ERROR']);
  });

  it('passes the failure on when there is no last-known profile, or the failure is not an outage', async () => {
    const { users, failures } = tenant();
    const lastKnown = new InProcessLastKnownStore<StoredUser>({ ttlMs: 60_000, maxEntries: 10 });
    const outage = new Auth0UnavailableError('network');
    failures.get = outage;
    await expect(new ProfileService(users, { lastKnown }).me('auth0|ada')).rejects.toBe(outage);
    await expect(new ProfileService(users).me('auth0|ada')).rejects.toBe(outage);
    delete failures.get;
    await new ProfileService(users, { lastKnown }).me('auth0|ada');
    const gone = new Auth0UserNotFoundError();
    failures.get = gone;
    await expect(new ProfileService(users, { lastKnown }).me('auth0|ada')).rejects.toBe(gone);
  });
});

describe('a user Auth0 no longer has (404)', () => {
  it('drops the cached and last-known copies, so a later outage answers the error, never the old profile', async () => {
    const { users, failures, calls } = tenant();
    const lastKnown = new InProcessLastKnownStore<StoredUser>({ ttlMs: 60_000, maxEntries: 10 });
    const service = new ProfileService(users, { cache: cache(), lastKnown });
    await service.me('auth0|ada');
    failures.get = new Auth0UserNotFoundError();
    // A no-op by the cached copy, so the update reads fresh (a change would PATCH alone: see profile.service.update.spec).
    await expect(service.update('auth0|ada', { firstName: 'Ada' })).rejects.toBeInstanceOf(Auth0UserNotFoundError);
    const outage = new Auth0UnavailableError('status', 503);
    failures.get = outage;
    await expect(service.me('auth0|ada')).rejects.toBe(outage);
    await expect(lastKnown.recall('auth0|ada')).resolves.toBeUndefined();
    expect(calls).toEqual(['GET auth0|ada', 'GET auth0|ada', 'GET auth0|ada']);
  });

  it('drops them when me reads the 404, and when a PATCH answers it', async () => {
    const { users, failures } = tenant();
    const lastKnown = new InProcessLastKnownStore<StoredUser>({ ttlMs: 60_000, maxEntries: 10 });
    const service = new ProfileService(users, { lastKnown });
    await service.me('auth0|ada');
    failures.get = new Auth0UserNotFoundError();
    await expect(service.me('auth0|ada')).rejects.toBeInstanceOf(Auth0UserNotFoundError);
    await expect(lastKnown.recall('auth0|ada')).resolves.toBeUndefined();
    delete failures.get;
    await service.me('auth0|ada');
    failures.patch = new Auth0UserNotFoundError();
    await expect(service.update('auth0|ada', { firstName: 'Augusta' })).rejects.toBeInstanceOf(Auth0UserNotFoundError);
    await expect(lastKnown.recall('auth0|ada')).resolves.toBeUndefined();
  });

  it('keeps the copies for any other failure', async () => {
    const { users, failures } = tenant();
    const lastKnown = new InProcessLastKnownStore<StoredUser>({ ttlMs: 60_000, maxEntries: 10 });
    const service = new ProfileService(users, { lastKnown });
    await service.me('auth0|ada');
    failures.get = new Auth0RejectedError(403, 'insufficient_scope');
    await expect(service.me('auth0|ada')).rejects.toBeInstanceOf(Auth0RejectedError);
    await expect(service.update('auth0|ada', { firstName: 'Augusta' })).rejects.toBeInstanceOf(Auth0RejectedError);
    await expect(lastKnown.recall('auth0|ada')).resolves.toMatchObject({ value: { userId: 'auth0|ada' } });
  });
});

describe('a blocked user', () => {
  const blocked = { name: 'ProfileForbiddenError', reason: 'blocked', message: 'This account is blocked; contact the administrator' };

  it('is refused its profile and every update, before any PATCH', async () => {
    const { users, calls, change } = tenant();
    change({ blocked: true });
    const service = new ProfileService(users);
    await expect(service.me('auth0|ada')).rejects.toMatchObject(blocked);
    await expect(service.update('auth0|ada', { firstName: 'Augusta' })).rejects.toMatchObject(blocked);
    await expect(service.update('auth0|ada', { firstName: 'Ada' })).rejects.toBeInstanceOf(ProfileForbiddenError);
    expect(calls.filter((call) => call.startsWith('PATCH'))).toEqual([]);
  });

  it('is refused a last-known profile too', async () => {
    const { users, failures, change } = tenant();
    const lastKnown = new InProcessLastKnownStore<StoredUser>({ ttlMs: 60_000, maxEntries: 10 });
    const service = new ProfileService(users, { lastKnown });
    change({ blocked: true });
    await expect(service.me('auth0|ada')).rejects.toMatchObject(blocked);
    failures.get = new Auth0UnavailableError('status', 503);
    await expect(service.me('auth0|ada')).rejects.toMatchObject(blocked);
  });
});

describe('ProfileService.update', () => {
  it('sends one PATCH holding only what changes, and none when nothing does', async () => {
    const { users, calls } = tenant();
    const service = new ProfileService(users);
    await expect(service.update('auth0|ada', { firstName: ' Ada ' })).resolves.toMatchObject({ firstName: 'Ada' });
    expect(calls).toEqual(['GET auth0|ada']);
    await expect(service.update('auth0|ada', { lastName: 'Lovelace' })).resolves.toMatchObject({ lastName: 'Lovelace', email: 'ada@example.com' });
    expect(calls[2]).toBe('PATCH auth0|ada {"user_metadata":{"lastName":"Lovelace"}}');
  });

  it('never changes the email, even when asked to (requestEmailChange does)', async () => {
    const { users, calls } = tenant();
    const input = { firstName: 'Augusta', email: 'other@example.com' } as Record<string, string>;
    await expect(new ProfileService(users).update('auth0|ada', input)).resolves.toMatchObject({ email: 'ada@example.com', firstName: 'Augusta' });
    expect(calls[1]).toBe('PATCH auth0|ada {"user_metadata":{"firstName":"Augusta"}}');
  });

  it.each([
    ['a 5xx', new Auth0UnavailableError('status', 503)],
    ['a timeout', new Auth0UnavailableError('timeout')],
    ['a 409', new Auth0RejectedError(409, 'user_exists')],
  ])('passes %s on a name change on as it is', async (_label, failure) => {
    const { users, failures } = tenant();
    failures.patch = failure;
    await expect(new ProfileService(users).update('auth0|ada', { firstName: 'Augusta' })).rejects.toBe(failure);
  });

  it('caches the fresh read and the PATCH answer, and remembers the answer as last known', async () => {
    const { users, calls, failures } = tenant();
    const lastKnown = new InProcessLastKnownStore<StoredUser>({ ttlMs: 60_000, maxEntries: 10 });
    const service = new ProfileService(users, { cache: cache(), lastKnown });
    await service.update('auth0|ada', { firstName: 'Ada' });
    await expect(service.me('auth0|ada')).resolves.toMatchObject({ firstName: 'Ada' });
    await service.update('auth0|ada', { firstName: 'Augusta' });
    await expect(service.me('auth0|ada')).resolves.toMatchObject({ firstName: 'Augusta' });
    // The second update found a fresh cached copy: its PATCH was its only call.
    expect(calls).toEqual(['GET auth0|ada', 'PATCH auth0|ada {"user_metadata":{"firstName":"Augusta","firstNAme":null,"first_name":null}}']);
    failures.get = new Auth0UnavailableError('timeout');
    await expect(new ProfileService(users, { lastKnown }).me('auth0|ada')).resolves.toMatchObject({ firstName: 'Augusta', lastKnown: { reason: 'TIMEOUT' } });
  });

  it('forgets the cached user after a failed PATCH (it may have been applied): the next read asks Auth0', async () => {
    const { users, calls, failures, change } = tenant();
    const service = new ProfileService(users, { cache: cache() });
    failures.patch = new Auth0UnavailableError('timeout');
    await expect(service.update('auth0|ada', { firstName: 'Augusta' })).rejects.toBeDefined();
    change({ userMetadata: { firstName: 'Augusta' } });
    await expect(service.me('auth0|ada')).resolves.toMatchObject({ firstName: 'Augusta' });
    expect(calls.filter((call) => call.startsWith('GET'))).toHaveLength(2);
  });

  it('refuses an invalid input before the limiter and before any call upstream', async () => {
    const { users, calls } = tenant();
    const limited: string[] = [];
    const service = new ProfileService(users, { limiter: { enforce: (userId) => void limited.push(userId), forget: () => undefined } });
    await expect(service.update('auth0|ada', { firstName: 'x'.repeat(151) })).rejects.toBeInstanceOf(ProfileInputError);
    expect([...calls, ...limited]).toEqual([]);
    await service.update('auth0|ada', { firstName: 'Ada' });
    expect(limited).toEqual(['auth0|ada']);
  });
});
