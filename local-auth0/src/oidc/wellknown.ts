import { Router } from 'express';
import type { Instrumentation } from '../http/instrument';
import { publishedKeys } from '../keys';
import type { PersistedState, TenantOrigin } from '../tenant-parts';
import { RESPONSE_MODES } from './authorize-request';
import { OIDC_SCOPES } from './scopes';
import { GRANT_TYPES } from './token';

/** What the tenant implements, and nothing more: a strict client believes every line of it. */
function discoveryDocument(tenant: PersistedState & TenantOrigin) {
  const at = (path: string) => `${tenant.url}${path}`;
  return {
    issuer: tenant.issuer,
    authorization_endpoint: at('/authorize'),
    token_endpoint: at('/oauth/token'),
    userinfo_endpoint: at('/userinfo'),
    jwks_uri: at('/.well-known/jwks.json'),
    revocation_endpoint: at('/oauth/revoke'),
    end_session_endpoint: at('/oidc/logout'),
    scopes_supported: [...OIDC_SCOPES],
    response_types_supported: ['code'],
    response_modes_supported: [...RESPONSE_MODES],
    grant_types_supported: [...GRANT_TYPES],
    code_challenge_methods_supported: ['S256'],
    subject_types_supported: ['public'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    claims_supported: ['aud', 'auth_time', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'nickname', 'nonce', 'picture', 'sid', 'sub', 'updated_at'],
    claims_parameter_supported: false,
    request_uri_parameter_supported: false,
    request_parameter_supported: false,
    id_token_signing_alg_values_supported: ['RS256'],
  };
}

export function wellKnownRouter(tenant: PersistedState & TenantOrigin, inst: Instrumentation): Router {
  const router = Router();
  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.json(discoveryDocument(tenant));
  });
  router.get('/.well-known/jwks.json', ...inst.route('GET /.well-known/jwks.json'), (_req, res) => {
    res.json({ keys: publishedKeys(tenant.state.keys) });
  });
  return router;
}
