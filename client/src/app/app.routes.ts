import type { Routes } from '@angular/router';

export const routes: Routes = [
  { path: '', loadChildren: () => import('./pages.routes').then((m) => m.pageRoutes) },
];
