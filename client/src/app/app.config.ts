import {
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { provideRouter } from '@angular/router';
import { authHttpInterceptorFn, provideAuth0 } from '@auth0/auth0-angular';
import { routes } from './app.routes';
import { RUNTIME_CONFIG, type RuntimeConfig } from './config/runtime-config';
import { restoreSession } from './shell/session-restore';

/** The API's permissions this app needs (`me` reads, `updateProfile` writes); the tenant grants only requested ones. */
const API_SCOPES = 'read:profile update:profile';

export function appConfig(config: RuntimeConfig): ApplicationConfig {
  const { domain, clientId, audience } = config.auth0;
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      provideRouter(routes),
      { provide: RUNTIME_CONFIG, useValue: config },
      provideAuth0({
        domain,
        clientId,
        // memory (default): nothing in storage; after a reload the hidden iframe renews against
        // the tenant's session, or restoreSession makes one top-level trip when that cookie is
        // blocked. localstorage: the cached tokens and refresh token survive the reload.
        cacheLocation: config.session,
        useRefreshTokens: true,
        useRefreshTokensFallback: true,
        authorizationParams: { audience, scope: `openid profile email ${API_SCOPES}`, redirect_uri: window.location.origin },
        // The access token goes to our API and nowhere else.
        httpInterceptor: {
          allowedList: [{ uri: config.apiUrl, tokenOptions: { authorizationParams: { audience } } }],
        },
      }),
      provideHttpClient(withFetch(), withInterceptors([authHttpInterceptorFn])),
      provideAppInitializer(restoreSession),
    ],
  };
}
