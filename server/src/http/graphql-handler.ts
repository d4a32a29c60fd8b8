import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Readable } from 'node:stream';
import type { ResponseCache } from '../graphql/me-response-cache';

/** Builds a request's context; `log` gives the request's logger, made only when something logs. */
export type ContextBuilder<TContext> = (authorization: string | undefined, log: () => Logger) => Promise<TContext>;

/** Told about each /graphql request (metrics, the operation span); absent, nothing is recorded. */
export interface GraphQLRequestObserver {
  /** Runs the request's whole work (token check, cache, Apollo): tracing makes it the operation span. */
  around?<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T>;
  /** The response cache was asked; on a hit, the answer to `body` was replayed without running GraphQL. */
  responseCache(hit: boolean, body: unknown): void;
}

export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  buildContext: ContextBuilder<TContext>;
  responses?: ResponseCache<TContext>;
  observer?: GraphQLRequestObserver;
}

function toGraphQLRequest(request: FastifyRequest): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const query = request.url.indexOf('?');
  return { method: request.method, headers, body: request.body, search: query === -1 ? '' : request.url.slice(query) };
}

/**
 * The /graphql handler: Apollo's HTTP entry point (as @as-integrations/fastify calls it), with
 * a response cache in front for POSTs. Its context, so the token check, is built first on every
 * request; a rejected one goes on to Apollo, which answers it as before (401, 503).
 */
export function graphqlHandler<TContext extends BaseContext>({ apollo, buildContext, responses, observer }: GraphQLHandlerOptions<TContext>) {
  const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const cacheable = responses && request.method === 'POST' ? responses.forRequest(request.body, request.headers.accept) : null;
    let contextValue: TContext | undefined;
    let context = () => buildContext(request.headers.authorization, () => request.requestLog);
    if (cacheable) {
      const ready = context();
      context = () => ready;
      contextValue = await ready.catch(() => undefined);
      const cached = contextValue && (await cacheable.replay(contextValue));
      if (contextValue) observer?.responseCache(cached !== undefined, request.body);
      if (cached) return reply.code(cached.status).header('content-type', cached.contentType).send(cached.body);
    }
    const { headers, body, status = 200 } = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: toGraphQLRequest(request), context });
    for (const [name, value] of headers) void reply.header(name, value);
    void reply.code(status);
    if (body.kind !== 'complete') return reply.send(Readable.from(body.asyncIterator));
    if (cacheable && contextValue) cacheable.keep(contextValue, { status, headers, body: body.string });
    return body.string;
  };
  const around = observer?.around?.bind(observer);
  return around ? (request: FastifyRequest, reply: FastifyReply) => around(request, () => handle(request, reply)) : handle;
}
