import { generateKeyPair, SignJWT, jwtVerify } from 'jose';
import { ManagementClient } from 'auth0';
it('loads jose and auth0', async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwt = await new SignJWT({ a: 1 }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
  expect((await jwtVerify(jwt, publicKey)).payload.a).toBe(1);
  expect(typeof ManagementClient).toBe('function');
});
