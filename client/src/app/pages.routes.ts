import { inject } from '@angular/core';
import { Router, type Routes } from '@angular/router';
import { authGuardFn } from '@auth0/auth0-angular';
import { provideGraphQL } from './graphql/provide-graphql';
import { HomePage } from './home/home.page';
import { AccountApi } from './account/account.api';
import { deletedMarker } from './account/deleted-marker';
import { ProfileApi } from './profile/profile.api';

/** Back from the logout that followed a deletion: the notice instead of the home page. */
const afterDeletion = () => (deletedMarker.take() ? inject(Router).parseUrl('/account-deleted') : true);

/** Everything that talks to the API, loaded after the shell; /profile is a chunk of its own. */
export const pageRoutes: Routes = [
  {
    path: '',
    providers: [provideGraphQL(), ProfileApi, AccountApi],
    children: [
      { path: '', component: HomePage, title: 'Home · Profile', canActivate: [afterDeletion] },
      {
        path: 'account-deleted',
        loadComponent: () => import('./account/account-deleted.page').then((m) => m.AccountDeletedPage),
        title: 'Account deleted · Profile',
      },
      {
        path: 'profile',
        canActivate: [authGuardFn],
        loadComponent: () => import('./profile/profile.page').then((m) => m.ProfilePage),
        title: 'Your profile · Profile',
      },
      {
        // The link mailed to a new address; a signed-out user signs in first and comes back here.
        path: 'profile/confirm-email',
        canActivate: [authGuardFn],
        loadComponent: () => import('./profile/confirm-email/confirm-email.page').then((m) => m.ConfirmEmailPage),
        title: 'Confirm your new email · Profile',
      },
      { path: '**', redirectTo: '' },
    ],
  },
];
