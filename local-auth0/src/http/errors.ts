import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Response } from 'express';

/** A Management API error, answered with Auth0's body `{statusCode, error, message, errorCode}`. */
export class ManagementApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode?: string,
    readonly attributes?: Record<string, string>,
  ) {
    super(message);
  }
}

export function managementErrorBody(status: number, message: string, errorCode?: string, attributes?: Record<string, string>) {
  const body: Record<string, unknown> = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
  if (errorCode) body.errorCode = errorCode;
  if (attributes) body.attributes = attributes;
  return body;
}

/** Auth0's answer once the Management API's rate limit is spent. */
export const tooManyRequestsBody = () => managementErrorBody(429, 'Global limit has been reached', 'too_many_requests');

/** An OAuth 2.0 error from the authentication API: `{error, error_description}`. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export const invalidBody = (detail: string) => new ManagementApiError(400, `Payload validation error: ${detail}`, 'invalid_body');

function sendManagementError(res: Response, err: ManagementApiError): void {
  res.status(err.status).json(managementErrorBody(err.status, err.message, err.errorCode, err.attributes));
}

interface BodyParserError { status?: number; type?: string; message: string }

/** Turns thrown errors into the body the failing part of Auth0 would send. */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof ManagementApiError) return sendManagementError(res, err);
    if (err instanceof OAuthError) {
      res.status(err.status).json({ error: err.error, error_description: err.description });
      return;
    }
    const parseError = err as BodyParserError;
    if (parseError.type === 'entity.parse.failed' || parseError.type === 'entity.too.large') {
      const status = parseError.status ?? 400;
      if (req.path.startsWith('/oauth/')) {
        res.status(status).json({ error: 'invalid_request', error_description: 'The request body could not be parsed.' });
        return;
      }
      return sendManagementError(res, new ManagementApiError(status, "Payload validation error: 'Invalid JSON'.", 'invalid_body'));
    }
    log(`unexpected error on ${req.method} ${req.path}: ${(err as Error).stack ?? String(err)}`);
    sendManagementError(res, new ManagementApiError(500, 'Internal error', 'internal_error'));
  };
}
