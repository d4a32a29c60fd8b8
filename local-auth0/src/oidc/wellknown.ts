import { Router } from 'express';
import type { Instrumentation } from '../http/instrument';
import { publishedKeys } from '../keys';
import type { Tenant } from '../tenant';

export function discoveryDocument(tenant: Tenant) {
  const at = (path: string) => `${tenant.url}${path}`;
  return {
    issuer: tenant.issuer,
    authorization_endpoint: at('/authorize'),
    token_endpoint: at('/oauth/token'),
    device_authorization_endpoint: at('/oauth/device/code'),
    userinfo_endpoint: at('/userinfo'),
    mfa_challenge_endpoint: at('/mfa/challenge'),
    jwks_uri: at('/.well-known/jwks.json'),
    registration_endpoint: at('/oidc/register'),
    revocation_endpoint: at('/oauth/revoke'),
    end_session_endpoint: at('/oidc/logout'),
    scopes_supported: ['openid', 'profile', 'offline_access', 'name', 'given_name', 'family_name', 'nickname', 'email', 'email_verified', 'picture', 'created_at', 'identities', 'phone', 'address'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256', 'plain'],
    response_modes_supported: ['query', 'fragment', 'form_post', 'web_message'],
    subject_types_supported: ['public'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    claims_supported: ['aud', 'auth_time', 'created_at', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'identities', 'iss', 'name', 'nickname', 'phone_number', 'picture', 'sub'],
    request_uri_parameter_supported: false,
    request_parameter_supported: false,
    id_token_signing_alg_values_supported: ['HS256', 'RS256', 'PS256'],
  };
}

export function wellKnownRouter(tenant: Tenant, inst: Instrumentation): Router {
  const router = Router();
  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.json(discoveryDocument(tenant));
  });
  router.get('/.well-known/jwks.json', ...inst.route('GET /.well-known/jwks.json'), (_req, res) => {
    res.json({ keys: publishedKeys(tenant.state.keys) });
  });
  return router;
}
