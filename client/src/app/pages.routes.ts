import type { Routes } from '@angular/router';
import { authGuardFn } from '@auth0/auth0-angular';
import { provideGraphQL } from './graphql/provide-graphql';
import { HomePage } from './home/home.page';
import { AccountApi } from './account/account.api';
import { ProfileApi } from './profile/profile.api';

/** Everything that talks to the API, loaded after the shell; /profile is a chunk of its own. */
export const pageRoutes: Routes = [
  {
    path: '',
    providers: [provideGraphQL(), ProfileApi, AccountApi],
    children: [
      { path: '', component: HomePage, title: 'Home · Profile' },
      {
        path: 'profile',
        canActivate: [authGuardFn],
        loadComponent: () => import('./profile/profile.page').then((m) => m.ProfilePage),
        title: 'Your profile · Profile',
      },
      { path: '**', redirectTo: '' },
    ],
  },
];
