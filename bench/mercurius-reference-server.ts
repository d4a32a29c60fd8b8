// Reference rows: bare Mercurius 16 on Fastify 5 answering the same constant `me`, with its JIT
// (MERCURIUS_JIT=1, graphql-jit 0.8) or without.
import { portFromEnv } from './lib/express-apollo';
import { listenMercurius } from './lib/fastify-mercurius';

void listenMercurius(portFromEnv(), process.env.MERCURIUS_JIT === '1');
