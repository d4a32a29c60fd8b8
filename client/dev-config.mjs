// `ng serve` answers /config.json itself: from APP_RUNTIME_CONFIG (a JSON document `npm start`
// builds from its ports), else from public/config.json. So the app always points at the stack
// that runs it and no file is edited. A production host serves its own config.json.
import { readFileSync } from 'node:fs';

const fallback = new URL('./public/config.json', import.meta.url);

function runtimeConfig() {
  return process.env.APP_RUNTIME_CONFIG || readFileSync(fallback, 'utf8');
}

export default {
  '/config.json': {
    // Never reached: the bypass answers every request for /config.json.
    target: 'http://127.0.0.1:9',
    bypass(req, res) {
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(runtimeConfig());
      return req.url;
    },
  },
};
