import cors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { isSandboxHost } from '../graphql/sandbox';
import type { HttpConfig } from './http-config';

/** CORS allow-list, for every route (preflights are answered here, before any other hook). */
export async function registerCors(app: FastifyInstance, config: HttpConfig): Promise<void> {
  await app.register(cors, {
    origin: [...config.corsOrigins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
}

/**
 * The headers helmet's defaults set, computed once: they depend on nothing in the request.
 * (@fastify/helmet builds a new helmet middleware on every request; helmet's own middleware sets
 * them on the raw response, which sends Node's writeHead down its slower merging path.)
 */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {},
  };
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * helmet's headers on every answer but the development Sandbox page (its CSP would block the
 * page's scripts from Apollo's CDN).
 */
export function registerSecurityHeaders(app: FastifyInstance, config: HttpConfig): void {
  const headers = helmetHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    if (!isSandboxPage(request, config)) reply.headers(headers);
    done();
  });
}

/** Whether the request asks for the development Sandbox page (method, path, Accept). */
function isSandboxPage(request: FastifyRequest, config: HttpConfig): boolean {
  return (
    !config.production &&
    request.method === 'GET' &&
    request.url.split('?')[0] === config.graphqlPath &&
    prefersHtml(request.headers.accept)
  );
}

/** Whether an Accept header ranks text/html above JSON (ties go to the type the client lists first). */
function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranked = accept.split(',').map((part, order) => {
    const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return { type, q: q === undefined ? 1 : Number(q.slice(2)) || 0, order };
  });
  const best = (types: string[]) => ranked.filter((entry) => types.includes(entry.type) && entry.q > 0).sort((a, b) => b.q - a.q || a.order - b.order)[0];
  const html = best(['text/html', 'text/*', '*/*']);
  const json = best(['application/json', 'application/*', '*/*']);
  if (!html || html.type === '*/*') return false;
  return !json || html.q > json.q || (html.q === json.q && html.order < json.order);
}

/**
 * The Sandbox page carries a token for a local user: only loopback Host names get it, so a
 * DNS-rebinding page or another name for this machine gets 404 instead.
 */
export function refuseSandboxOffLoopback(config: HttpConfig) {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (isSandboxPage(request, config) && !isSandboxHost(request.headers.host)) {
      void reply.code(404).send({ errors: [{ message: 'The Sandbox is served on localhost only' }] });
      return;
    }
    done();
  };
}
