import { ManagementError } from 'auth0';
import { ADA, ALAN, counts, GRACE, post, useTenant } from './helpers';
import { managementClient } from './sdk';

const tenant = useTenant();

describe('the auth0 SDK ManagementClient against the local tenant', () => {
  it('reads a user with client credentials', async () => {
    const user = await managementClient(tenant).users.get(ADA);
    expect(user).toMatchObject({ user_id: ADA, email: 'ada@example.com', user_metadata: { firstName: 'Ada', lastName: 'Lovelace' } });
    expect(user.identities?.[0]).toEqual({ connection: 'Username-Password-Authentication', user_id: ADA.split('|')[1], provider: 'auth0', isSocial: false });
  });

  it('patches user_metadata with a first-level merge and returns the updated user', async () => {
    const client = managementClient(tenant);
    const updated = await client.users.update(ALAN, { user_metadata: { firstNAme: null, lastName: 'Turing' } });
    expect(updated.user_metadata).toEqual({ firstName: 'Alan', lastname: 'Turing', lastName: 'Turing' });
    expect((await client.users.get(ALAN)).user_metadata).toEqual(updated.user_metadata);
  });

  it('lists users page by page with totals', async () => {
    const page = await managementClient(tenant).users.list({ per_page: 2, page: 0, include_totals: true });
    expect(page.data.map((u) => u.user_id)).toEqual([ADA, GRACE]);
    expect(page.response).toMatchObject({ start: 0, limit: 2, length: 2, total: 3 });
  });

  it('fetches one token for many concurrent calls', async () => {
    await fetch(`${tenant.url}/__local/counts`, { method: 'DELETE' });
    const client = managementClient(tenant);
    const users = await Promise.all(Array.from({ length: 20 }, () => client.users.get(ADA)));
    expect(users.every((u) => u.user_id === ADA)).toBe(true);
    expect(await counts(tenant)).toMatchObject({
      'POST /oauth/token': 1,
      'POST /oauth/token client_credentials': 1,
      'GET /api/v2/users/:id': 20,
    });
  });

  it('surfaces the social-user email refusal as a 400 with Auth0\'s body', async () => {
    const error = await managementClient(tenant).users.update(GRACE, { email: 'grace@new.example' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManagementError);
    expect((error as ManagementError).statusCode).toBe(400);
    expect((error as ManagementError).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Cannot update email for this user',
      errorCode: 'operation_not_supported',
    });
  });

  it('surfaces an unknown user as a 404 inexistent_user', async () => {
    const error = (await managementClient(tenant).users.get('auth0|000000000000000000000000').catch((e: unknown) => e)) as ManagementError;
    expect(error.statusCode).toBe(404);
    expect(error.body).toMatchObject({ errorCode: 'inexistent_user', message: 'The user does not exist.' });
  });

  it('retries an injected 429 after retry-after and then succeeds', async () => {
    await post(`${tenant.url}/__local/faults`, { route: 'GET /api/v2/users/:id', status: 429 });
    const user = await managementClient(tenant).users.get(ADA);
    expect(user.user_id).toBe(ADA);
    expect((await counts(tenant))['GET /api/v2/users/:id']).toBe(2);
  });

  it('exposes the rate-limit headers of a 429 to the caller', async () => {
    await post(`${tenant.url}/__local/faults`, { route: 'GET /api/v2/users/:id', status: 429, headers: { 'retry-after': '7' } });
    const error = (await managementClient(tenant, { maxRetries: 0 }).users.get(ADA).catch((e: unknown) => e)) as ManagementError;
    expect(error.statusCode).toBe(429);
    expect(error.rawResponse?.headers.get('retry-after')).toBe('7');
    expect(error.rawResponse?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(error.body).toMatchObject({ errorCode: 'too_many_requests' });
  });
});
