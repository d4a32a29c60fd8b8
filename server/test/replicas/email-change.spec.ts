// The pending email change lives in the user's app_metadata, not in a replica: a change asked for
// on replica A is shown by B and confirmed through B; A then answers the new address.
import { linkIn } from 'test-support/mail-catcher';
import { CONFIRM_LINK_PREFIX, confirmEmailChange, PENDING_EMAIL_CHANGE, requestEmailChange, tokenOfLink } from '../support/email-change';
import { userToken } from 'local-auth0/testing';
import { gql } from '../support/graphql';
import { useFleet } from './fleet';

const fleet = useFleet({ replicas: 2, users: 3, env: { APP_URL: 'http://localhost:4200' }, mail: true });

const pendingOn = async (apiUrl: string, token: string) => (await gql(apiUrl, PENDING_EMAIL_CHANGE, { token })).body.data?.me;

it('asks on replica A, shows the pending change on B, confirms on B, and A answers the new address', async () => {
  const [a, b] = fleet.apis;
  const token = await userToken(fleet.tenant.url, { email: 'ada@example.com' });
  // Both replicas have the profile cached before the request.
  expect(await pendingOn(a!.url, token)).toMatchObject({ email: 'ada@example.com', pendingEmailChange: null });
  expect(await pendingOn(b!.url, token)).toMatchObject({ pendingEmailChange: null });

  const requested = await requestEmailChange(a!.url, token, 'moved-1@example.com');
  expect(requested.body.errors).toBeUndefined();
  expect(await pendingOn(b!.url, token)).toMatchObject({ pendingEmailChange: { email: 'moved-1@example.com' } });

  const link = linkIn(await fleet.catcher.waitForMail('moved-1@example.com'), CONFIRM_LINK_PREFIX);
  const confirmed = await confirmEmailChange(b!.url, token, tokenOfLink(link));
  expect(confirmed.body.data?.confirmEmailChange).toMatchObject({ email: 'moved-1@example.com', emailVerified: true, pendingEmailChange: null });
  expect(await pendingOn(a!.url, token)).toMatchObject({ email: 'moved-1@example.com', emailVerified: true, pendingEmailChange: null });
  expect((await fleet.catcher.waitForMail('ada@example.com')).subject).toBe('The email address of your account was changed');

  // The link is spent on every replica.
  const again = await confirmEmailChange(a!.url, token, tokenOfLink(link));
  expect(again.body.errors?.[0]?.extensions?.code).toBe('EMAIL_CHANGE_INVALID');
}, 30_000);
