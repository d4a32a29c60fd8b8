import { InjectionToken } from '@angular/core';

/**
 * Where the SDK keeps tokens. `memory` (default): nothing in storage; a reload renews through
 * the tenant's session (one top-level redirect when the tenant is another site and the browser
 * blocks third-party cookies). `localstorage`: tokens, refresh token included, in localStorage;
 * a reload needs no trip, but any script running in the page can read them.
 */
const SESSION_MODES = ['memory', 'localstorage'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** What `config.json` holds: a real tenant means editing that file, not rebuilding. */
export interface RuntimeConfig {
  auth0: { domain: string; clientId: string; audience: string };
  apiUrl: string;
  session: SessionMode;
}

export const RUNTIME_CONFIG = new InjectionToken<RuntimeConfig>('RUNTIME_CONFIG');

function requireString(source: Record<string, unknown>, key: string, path: string): string {
  const value = source[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`config.json: "${path}" must be a non-empty string`);
  }
  return value.trim();
}

function requireObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`config.json: "${path}" must be an object`);
  }
  return value as Record<string, unknown>;
}

function sessionMode(root: Record<string, unknown>): SessionMode {
  const value = root['session'] ?? 'memory';
  if (!SESSION_MODES.includes(value as SessionMode)) {
    throw new Error(`config.json: "session" must be one of ${SESSION_MODES.map((mode) => `"${mode}"`).join(', ')} (default "memory")`);
  }
  return value as SessionMode;
}

/** Checks the shape of config.json and says which key is wrong. */
export function parseRuntimeConfig(json: unknown): RuntimeConfig {
  const root = requireObject(json, '(root)');
  const auth0 = requireObject(root['auth0'], 'auth0');
  const apiUrl = requireString(root, 'apiUrl', 'apiUrl');
  if (!/^https?:\/\//.test(apiUrl)) {
    throw new Error('config.json: "apiUrl" must be an absolute http(s) URL, e.g. http://localhost:4000/graphql');
  }
  return {
    auth0: {
      domain: requireString(auth0, 'domain', 'auth0.domain'),
      clientId: requireString(auth0, 'clientId', 'auth0.clientId'),
      audience: requireString(auth0, 'audience', 'auth0.audience'),
    },
    apiUrl,
    session: sessionMode(root),
  };
}

export async function loadRuntimeConfig(url = 'config.json'): Promise<RuntimeConfig> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) {
    throw new Error(`Could not load ${url} (HTTP ${response.status})`);
  }
  return parseRuntimeConfig(await response.json());
}
