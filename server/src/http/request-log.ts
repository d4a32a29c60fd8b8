import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'http' {
  interface IncomingMessage {
    /** The request's logger: carries the request id. */
    log: Logger;
  }
}

const SAFE_REQUEST_ID = /^[\w.-]{1,64}$/;

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

const NAMED_OPERATION = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w{0,99})/;

/** The GraphQL operation name: the one sent, else the name in the document. */
function operationName(req: IncomingMessage): string | undefined {
  const body = (req as IncomingMessage & { body?: unknown }).body;
  if (typeof body !== 'object' || body === null) return undefined;
  if ('operationName' in body && typeof body.operationName === 'string') return body.operationName.slice(0, 100);
  const named = 'query' in body && typeof body.query === 'string' ? NAMED_OPERATION.exec(body.query) : null;
  return named?.[1];
}

/**
 * One log line per request, with the request id (taken from a sane `x-request-id` or made up,
 * and echoed back). Only method, path, status and operation name are logged: never headers, so
 * never a token. `req.log` is a child logger with the id, made only when something logs through
 * it: a child per request was the API's largest per-request cost.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const reqId = requestId(req, res);
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', { get: () => (child ??= logger.child({ reqId })), configurable: true });
    res.once('close', () => {
      const line = {
        reqId,
        req: { method: req.method, url: req.originalUrl.split('?')[0] },
        res: { statusCode: res.statusCode },
        responseTime: Math.round(performance.now() - started),
        operationName: operationName(req),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (res.statusCode >= 500) logger.error(line, 'request completed');
      else logger.info(line, 'request completed');
    });
    next();
  };
}
