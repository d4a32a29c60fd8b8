import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { loadRuntimeConfig } from './app/config/runtime-config';

// Configuration is read at run time (config.json next to index.html), so pointing the app at
// another tenant or API means editing that file, not rebuilding.
loadRuntimeConfig()
  .then((config) => bootstrapApplication(App, appConfig(config)))
  .catch((error: unknown) => {
    console.error(error);
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'alert';
    message.textContent = `The app could not start: ${error instanceof Error ? error.message : String(error)}`;
    document.body.replaceChildren(message);
  });
