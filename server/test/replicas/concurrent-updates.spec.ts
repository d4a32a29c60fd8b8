import { addUsers, injectFault, ROUTES, storedUser, userToken } from 'local-auth0/testing';
import { gql, UPDATE } from '../support/graphql';
import { useFleet } from './fleet';

// Two replicas sharing one Redis, ten users whose user_metadata still holds legacy aliases (as
// alan's does): two concurrent updates of different fields, one through each replica, must both
// be kept.
const fleet = useFleet({ replicas: 2, users: 1 });

const aliasUser = (trial: number) => ({
  user_id: `auth0|alias-user-${trial}`,
  email: `alias-user-${trial}@example.com`,
  user_metadata: { firstName: 'Alan', firstNAme: 'Al', lastname: 'Turing', theme: 'dark' },
});

it('keeps both changes of ten concurrent pairs of updates of different fields, one through each replica', async () => {
  const [a, b] = fleet.apis;
  const users = Array.from({ length: 10 }, (_, trial) => aliasUser(trial));
  await addUsers(fleet.tenant.url, users);
  for (const [trial, user] of users.entries()) {
    const token = await userToken(fleet.tenant.url, { sub: user.user_id });
    // Both reads see the same user, and the first PATCH to arrive is applied last.
    await injectFault(fleet.tenant.url, { route: ROUTES.patchUser, delayMs: 300 });
    const updates = [
      gql(a!.url, UPDATE, { token, variables: { input: { firstName: `Alan ${trial}` } } }),
      gql(b!.url, UPDATE, { token, variables: { input: { lastName: `Turing ${trial}` } } }),
    ];
    const answers = await Promise.all(trial % 2 === 0 ? updates : updates.reverse());
    expect(answers.map((answer) => answer.body.errors)).toEqual([undefined, undefined]);
    const stored = (await storedUser(fleet.tenant.url, user.user_id)).user_metadata;
    expect({ trial, stored }).toEqual({ trial, stored: { firstName: `Alan ${trial}`, lastName: `Turing ${trial}`, theme: 'dark' } });
  }
}, 60_000);
