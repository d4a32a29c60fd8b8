import { createHash } from 'node:crypto';
import { json, SPA, useTenant } from './helpers';
import { ADA_LOGIN, authorizeQuery, codeForAda, exchangeCode, form, login } from './oidc-helpers';

const tenant = useTenant();

interface Tokens { access_token: string; refresh_token: string }
const refresh = (token: string) => fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'refresh_token', client_id: 'local-spa', refresh_token: token }));

async function codeFor(verifier: string) {
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return (await login(tenant, authorizeQuery(challenge), ADA_LOGIN)).code!;
}

describe('authorization code replay (RFC 6749 §4.1.2)', () => {
  it('revokes the refresh token issued at the first use when the code is presented again', async () => {
    const { code, verifier } = await codeForAda(tenant);
    const first = await json<Tokens>(await exchangeCode(tenant, code, verifier));
    expect((await exchangeCode(tenant, code, verifier)).status).toBe(403);
    const res = await refresh(first.refresh_token);
    expect(res.status).toBe(403);
    expect(await json(res)).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
  });

  it('also revokes the tokens refreshed from the first use', async () => {
    const { code, verifier } = await codeForAda(tenant);
    const first = await json<Tokens>(await exchangeCode(tenant, code, verifier));
    const rotated = await json<Tokens>(await refresh(first.refresh_token));
    await exchangeCode(tenant, code, verifier);
    expect((await refresh(rotated.refresh_token)).status).toBe(403);
  });
});

describe('PKCE code verifier (RFC 7636 §4.1)', () => {
  it.each([
    ['1 character', 'a'],
    ['42 characters', 'a'.repeat(42)],
    ['129 characters', 'a'.repeat(129)],
    ['200 characters', 'b'.repeat(200)],
    ['a character outside the unreserved set', `${'a'.repeat(50)}+/=`],
  ])('refuses a verifier of %s even when its challenge matches', async (_name, verifier) => {
    const res = await exchangeCode(tenant, await codeFor(verifier), verifier);
    expect(res.status).toBe(403);
    expect(await json(res)).toEqual({ error: 'invalid_grant', error_description: 'Failed to verify code verifier' });
  });

  it.each([['43', 'a'.repeat(43)], ['128', `${'A'.repeat(124)}-._~`]])('accepts a verifier of %s unreserved characters', async (_n, verifier) => {
    expect((await exchangeCode(tenant, await codeFor(verifier), verifier)).status).toBe(200);
  });

  it('refuses a code_challenge that cannot be an S256 hash at /authorize', async () => {
    const res = await fetch(`${tenant.url}/authorize?${authorizeQuery('short')}`, { redirect: 'manual' });
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).toBe(SPA);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });
});

describe('refresh-token rotation under concurrency', () => {
  it('revokes every token of the family when two refreshes race with the same token, the winner\'s included', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { code, verifier } = await codeForAda(tenant);
      const first = await json<Tokens>(await exchangeCode(tenant, code, verifier));
      const answers = await Promise.all([refresh(first.refresh_token), refresh(first.refresh_token)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 403]);
      const winner = await json<Tokens>(answers.find((a) => a.status === 200)!);
      expect((await refresh(winner.refresh_token)).status).toBe(403);
    }
  });
});
