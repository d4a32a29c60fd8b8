import { LOCAL_APP } from 'local-auth0/testing';
import { loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('defaults to the local tenant and its M2M client', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 4000,
      corsOrigins: ['http://localhost:4200'],
      introspection: true,
      auth0: {
        origin: 'http://localhost:4400',
        domain: 'localhost:4400',
        issuer: 'http://localhost:4400/',
        audience: 'https://profile-api.local',
        local: true,
        managementClientId: 'local-management',
        managementClientSecret: 'local-management-secret',
      },
    });
  });

  it('calls change_password for the local SPA by default, for no client on a real tenant unless AUTH0_PASSWORD_RESET_CLIENT_ID names one', () => {
    expect(loadConfig({}).auth0.passwordResetClientId).toBe('local-spa');
    const real = { AUTH0_DOMAIN: 'acme.eu.auth0.com', AUTH0_MANAGEMENT_CLIENT_ID: 'id', AUTH0_MANAGEMENT_CLIENT_SECRET: 's3cret' };
    expect(loadConfig(real).auth0.passwordResetClientId).toBeNull();
    expect(loadConfig({ ...real, AUTH0_PASSWORD_RESET_CLIENT_ID: ' spa-client ' }).auth0.passwordResetClientId).toBe('spa-client');
  });

  it("uses the local tenant's seed registrations as its defaults (the server cannot read the seed at run time)", () => {
    expect(loadConfig({}).auth0).toMatchObject({
      audience: LOCAL_APP.apiAudience,
      managementClientId: LOCAL_APP.managementClient.id,
      managementClientSecret: LOCAL_APP.managementClient.secret,
      passwordResetClientId: LOCAL_APP.spaClientId,
    });
  });

  it('keeps http://localhost:PORT as is', () => {
    expect(loadConfig({ AUTH0_DOMAIN: 'http://localhost:4555' }).auth0).toMatchObject({ origin: 'http://localhost:4555', issuer: 'http://localhost:4555/', local: true });
  });

  it('reads a bare domain as https and needs the M2M secret for it', () => {
    const config = loadConfig({ AUTH0_DOMAIN: 'acme.eu.auth0.com', AUTH0_MANAGEMENT_CLIENT_ID: 'id', AUTH0_MANAGEMENT_CLIENT_SECRET: 's3cret' });
    expect(config.auth0).toMatchObject({ origin: 'https://acme.eu.auth0.com', domain: 'acme.eu.auth0.com', issuer: 'https://acme.eu.auth0.com/', local: false });
  });

  it('refuses a real domain without a secret, naming the variable', () => {
    expect(() => loadConfig({ AUTH0_DOMAIN: 'acme.eu.auth0.com', AUTH0_MANAGEMENT_CLIENT_ID: 'id' })).toThrow(/AUTH0_MANAGEMENT_CLIENT_SECRET/);
    expect(() => loadConfig({ AUTH0_DOMAIN: 'https://acme.eu.auth0.com', AUTH0_MANAGEMENT_CLIENT_SECRET: 'x' })).toThrow(/AUTH0_MANAGEMENT_CLIENT_ID/);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }, /PORT/],
    ['a domain with a path', { AUTH0_DOMAIN: 'https://acme.auth0.com/api' }, /AUTH0_DOMAIN/],
    ['plain http to a remote host', { AUTH0_DOMAIN: 'http://acme.auth0.com' }, /AUTH0_DOMAIN/],
    ['a CORS entry with a path', { CORS_ORIGINS: 'http://localhost:4200/app' }, /CORS_ORIGINS/],
    ['NODE_ENV', { NODE_ENV: 'staging' }, /NODE_ENV/],
    ['REDIS_URL', { REDIS_URL: 'localhost:6379' }, /REDIS_URL: expected a Redis URL/],
    ['DRAIN_DELAY_MS beyond the drain deadline', { DRAIN_DELAY_MS: '9000' }, /DRAIN_DELAY_MS/],
    ['SMTP_URL', { SMTP_URL: 'mail.example.com:25' }, /SMTP_URL: expected an SMTP URL/],
    ['EMAIL_CHANGE_MODE', { EMAIL_CHANGE_MODE: 'later' }, /EMAIL_CHANGE_MODE/],
    ['verify-first without SMTP_URL', { EMAIL_CHANGE_MODE: 'verify-first' }, /EMAIL_CHANGE_MODE=verify-first needs SMTP_URL/],
    ['APP_URL with a path', { APP_URL: 'https://app.example.com/profile' }, /APP_URL/],
    ['AUTH_TIME_CLAIM without a namespace', { AUTH_TIME_CLAIM: 'auth_time' }, /AUTH_TIME_CLAIM: expected a namespaced claim/],
    ['SENSITIVE_ACTION_MAX_AGE_SECONDS', { SENSITIVE_ACTION_MAX_AGE_SECONDS: '-1' }, /SENSITIVE_ACTION_MAX_AGE_SECONDS/],
    ['EMAIL_CHANGE_TTL_SECONDS', { EMAIL_CHANGE_TTL_SECONDS: '10' }, /EMAIL_CHANGE_TTL_SECONDS/],
  ])('refuses a bad %s with a message naming the variable', (_what, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('turns introspection off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('splits CORS_ORIGINS on commas', () => {
    expect(loadConfig({ CORS_ORIGINS: 'http://localhost:4200, https://app.example.com' }).corsOrigins).toEqual(['http://localhost:4200', 'https://app.example.com']);
  });

  it('listens on localhost and keeps state in process unless HOST and REDIS_URL say otherwise', () => {
    expect(loadConfig({})).toMatchObject({ host: 'localhost', redis: null, drainDelayMs: 0, profileState: { lastKnownTtlSeconds: 86_400 } });
    expect(loadConfig({ REDIS_URL: '' }).redis).toBeNull();
    expect(loadConfig({ HOST: '0.0.0.0', REDIS_URL: 'rediss://user:secret@cache.example.com:6380' })).toMatchObject({
      host: '0.0.0.0',
      redis: { url: 'rediss://user:secret@cache.example.com:6380', commandTimeoutMs: 250 },
    });
  });

  it('changes email verify-first when SMTP is configured, immediately (Auth0 verify_email) when not', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({}).emailChange).toEqual({ mode: 'immediate', ttlSeconds: 86_400, appUrl: 'http://localhost:4200' });
    const withMail = loadConfig({ SMTP_URL: 'smtp://localhost:1025', APP_URL: 'https://app.example.com', EMAIL_CHANGE_TTL_SECONDS: '3600' });
    expect(withMail.mail).toEqual({ smtpUrl: 'smtp://localhost:1025', from: '"Profile" <no-reply@profile.localhost>' });
    expect(withMail.emailChange).toEqual({ mode: 'verify-first', ttlSeconds: 3600, appUrl: 'https://app.example.com' });
    expect(loadConfig({ SMTP_URL: 'smtp://localhost:1025', EMAIL_CHANGE_MODE: 'immediate' }).emailChange.mode).toBe('immediate');
    expect(loadConfig({ SMTP_URL: '', MAIL_FROM: 'a@b.test' }).mail).toBeNull();
  });

  it('names the auth_time claim after the API audience unless AUTH_TIME_CLAIM says otherwise', () => {
    expect(loadConfig({}).recentSignIn).toEqual({ claim: 'https://profile-api.local/auth_time', maxAgeSeconds: 300 });
    expect(loadConfig({ AUTH0_AUDIENCE: 'https://api.example.com/', SENSITIVE_ACTION_MAX_AGE_SECONDS: '600' }).recentSignIn).toEqual({
      claim: 'https://api.example.com/auth_time',
      maxAgeSeconds: 600,
    });
    expect(loadConfig({ AUTH_TIME_CLAIM: 'https://example.com/claims/auth_time' }).recentSignIn.claim).toBe('https://example.com/claims/auth_time');
  });
});

describe('loadConfig: metrics and tracing', () => {
  it('turns both off unless METRICS_PORT and an OTLP exporter are configured', () => {
    expect(loadConfig({})).toMatchObject({ metrics: null, tracing: null });
    expect(loadConfig({ METRICS_PORT: '', OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toMatchObject({ metrics: null, tracing: null });
  });

  it('serves metrics on METRICS_PORT (0 picks a free port)', () => {
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464 });
    expect(loadConfig({ METRICS_PORT: '0' }).metrics).toEqual({ port: 0 });
  });

  it('exports traces to OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces with the documented default sampler', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      endpoint: 'http://collector:4318/v1/traces',
      headers: {},
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.05,
      serviceName: 'profile-api',
      resourceAttributes: {},
    });
  });

  it('reads the signal-specific endpoint, headers, sampler, service name and resource attributes', () => {
    const tracing = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://ignored:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otlp.example.com/v1/traces',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=ignored',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-api-key=s%3Dcret, x-team = blue',
      OTEL_TRACES_SAMPLER: 'traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-resource,deployment.environment=prod',
    }).tracing;
    expect(tracing).toMatchObject({
      endpoint: 'https://otlp.example.com/v1/traces',
      headers: { 'x-api-key': 's=cret', 'x-team': 'blue' },
      sampler: 'traceidratio',
      samplerRatio: 0.25,
      serviceName: 'from-resource',
      resourceAttributes: { 'deployment.environment': 'prod' },
    });
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SERVICE_NAME: 'api-eu', OTEL_TRACES_SAMPLER: 'always_on' }).tracing).toMatchObject({
      endpoint: 'http://localhost:4318/v1/traces',
      serviceName: 'api-eu',
      samplerRatio: 1,
    });
  });

  it.each([
    ['OTEL_TRACES_EXPORTER=none', { OTEL_TRACES_EXPORTER: 'none' }],
    ['OTEL_SDK_DISABLED=true', { OTEL_SDK_DISABLED: 'true' }],
  ])('keeps tracing off with %s', (_label, env) => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', ...env }).tracing).toBeNull();
  });

  it.each([
    ['METRICS_PORT', { METRICS_PORT: 'ninety' }, /METRICS_PORT/],
    ['a gRPC exporter protocol', { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, /OTEL_EXPORTER_OTLP_PROTOCOL: only "http\/json"/],
    ['an exporter other than OTLP', { OTEL_TRACES_EXPORTER: 'zipkin' }, /OTEL_TRACES_EXPORTER: expected "otlp" or "none"/],
    ['an endpoint that is not a URL', { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, /OTEL_EXPORTER_OTLP_ENDPOINT: expected an http\(s\) URL/],
    ['an unknown sampler', { OTEL_TRACES_SAMPLER: 'sometimes' }, /OTEL_TRACES_SAMPLER: expected one of always_on/],
    ['a ratio above 1', { OTEL_TRACES_SAMPLER_ARG: '5' }, /OTEL_TRACES_SAMPLER_ARG: expected a ratio/],
    ['a header without a value', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key' }, /OTEL_EXPORTER_OTLP_HEADERS: "x-api-key" is not a key=value pair/],
  ])('refuses %s with a message naming the variable', (_what, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
