// Baseline for the bench: a bare Apollo Server 5 on Express 5 answering `me` with a constant,
// no auth and no upstream, so it measures only what the stack itself costs.
import { CONSTANT_PROFILE } from './lib/constant-profile';
import { listenApollo, portFromEnv } from './lib/express-apollo';

void listenApollo({ Query: { me: () => CONSTANT_PROFILE } }, portFromEnv());
