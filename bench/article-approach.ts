// The approach of the article this project grew from, for comparison: every `me` verifies the
// caller's token, then fetches a NEW Management API token (client_credentials) and reads the
// user with it. No caching of either. Env: PORT, AUTH0_DOMAIN (the tenant's http url).
import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { LOCAL_APP, managementToken } from 'local-auth0/testing';
import { listenApollo, portFromEnv, type RequestContext } from './lib/express-apollo';

const tenant = process.env.AUTH0_DOMAIN ?? 'http://localhost:4400';
const audience = LOCAL_APP.apiAudience;
const jwks = createRemoteJWKSet(new URL(`${tenant}/.well-known/jwks.json`));

interface ManagementUser {
  user_id: string;
  email: string;
  email_verified: boolean;
  picture?: string;
  updated_at: string;
  identities?: { connection: string; provider: string }[];
  user_metadata?: { firstName?: string; lastName?: string };
}

async function callerId(context: RequestContext): Promise<string> {
  const token = context.authorization?.replace(/^Bearer /, '') ?? '';
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer: `${tenant}/`, audience, algorithms: ['RS256'] });
    if (!payload.sub) throw new Error('no sub');
    return payload.sub;
  } catch {
    throw new GraphQLError('Unauthenticated', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

async function readUser(userId: string, managementToken: string): Promise<ManagementUser> {
  const response = await fetch(`${tenant}/api/v2/users/${encodeURIComponent(userId)}`, {
    headers: { authorization: `Bearer ${managementToken}` },
  });
  if (!response.ok) throw new Error(`user read answered ${response.status}`);
  return (await response.json()) as ManagementUser;
}

async function me(_parent: unknown, _args: unknown, context: RequestContext) {
  const userId = await callerId(context);
  const { accessToken } = await managementToken(tenant);
  const user = await readUser(userId, accessToken);
  const identity = user.identities?.[0];
  return {
    id: user.user_id,
    email: user.email,
    emailVerified: user.email_verified,
    firstName: user.user_metadata?.firstName ?? null,
    lastName: user.user_metadata?.lastName ?? null,
    picture: user.picture ?? null,
    connection: identity?.connection ?? '',
    canChangeEmail: identity?.provider === 'auth0',
    emailChangeMode: 'IMMEDIATE',
    updatedAt: user.updated_at,
  };
}

void listenApollo({ Query: { me } }, portFromEnv());
