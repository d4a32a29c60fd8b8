import type { RequestHandler, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { managementErrorBody, tooManyRequestsBody } from './errors';

export const ROUTE_KEYS = [
  'POST /oauth/token',
  'GET /api/v2/users/:id',
  'PATCH /api/v2/users/:id',
  'DELETE /api/v2/users/:id',
  'POST /dbconnections/change_password',
  'GET /api/v2/users',
  'GET /api/v2/users-by-email',
  'POST /api/v2/jobs/users-exports',
  'GET /api/v2/jobs/:id',
  'GET /exports/:file',
  'GET /.well-known/jwks.json',
  'GET /userinfo',
  'GET /authorize',
] as const;
export type RouteKey = (typeof ROUTE_KEYS)[number];

export interface Fault {
  times: number;
  status?: number;
  delayMs?: number;
  body?: 'broken' | Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Per-route call counts and queued faults, driven by the /__local test controls. */
export class Instrumentation {
  private counts = new Map<string, number>();
  private faults = new Map<RouteKey, Fault[]>();

  count(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  resetCounts(): void {
    this.counts.clear();
  }

  addFault(route: RouteKey, fault: Fault): void {
    this.faults.set(route, [...(this.faults.get(route) ?? []), fault]);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** The fault the next call of `route` gets, if any; each fault is used `times` times. */
  takeFault(route: RouteKey): Fault | undefined {
    const queue = this.faults.get(route);
    const fault = queue?.[0];
    if (!queue || !fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) queue.shift();
    return fault;
  }

  /** First middleware of an instrumented route: counts the call (per grant for /oauth/token). */
  counter(key: RouteKey): RequestHandler {
    return (req, _res, next) => {
      this.count(key);
      const grant: unknown = req.body?.grant_type;
      if (key === 'POST /oauth/token' && typeof grant === 'string') this.count(`${key} ${grant}`);
      next();
    };
  }

  /** Applies a queued fault: the delay first, then the status/body (a delay alone lets the call through). */
  injector(key: RouteKey): RequestHandler {
    return async (_req, res, next) => {
      const fault = this.takeFault(key);
      if (fault?.delayMs) await sleep(fault.delayMs);
      if (fault && (fault.status !== undefined || fault.body !== undefined)) return sendFault(res, key, fault);
      next();
    };
  }

  /** Counter and injector for a route that has nothing to run between them. */
  route(key: RouteKey): RequestHandler[] {
    return [this.counter(key), this.injector(key)];
  }
}

function sendFault(res: Response, key: RouteKey, fault: Fault): void {
  const status = fault.status ?? 500;
  if (status === 429) {
    const reset = Math.ceil(Date.now() / 1000) + 1;
    res.set({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset), 'retry-after': '1' });
  }
  res.set(fault.headers ?? {});
  res.status(status);
  if (fault.body === 'broken') {
    res.type('application/json').send(`{"statusCode":${status},"error":"Inj`);
    return;
  }
  res.json(fault.body ?? defaultFaultBody(key, status));
}

function defaultFaultBody(key: RouteKey, status: number): Record<string, unknown> {
  if (key === 'POST /oauth/token') {
    const error = status === 429 ? 'too_many_requests' : status >= 500 ? 'server_error' : 'invalid_request';
    return { error, error_description: `Injected fault (${status})` };
  }
  if (status === 429) return tooManyRequestsBody();
  return managementErrorBody(status, `Injected fault (${status})`, status >= 500 ? 'internal_error' : 'injected_fault');
}
