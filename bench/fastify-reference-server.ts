// Second reference row: the same bare Apollo Server 5, on Fastify 5 (the HTTP layer the API
// uses, through @as-integrations/fastify), answering `me` with the same constant.
import { CONSTANT_PROFILE } from './lib/constant-profile';
import { listenApolloOnFastify } from './lib/fastify-apollo';
import { portFromEnv } from './lib/express-apollo';

void listenApolloOnFastify({ Query: { me: () => CONSTANT_PROFILE } }, portFromEnv());
