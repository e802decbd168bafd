import { STATUS_CODES } from 'node:http';
import type { SandboxReply } from '../simulator.js';
import type { StatusFault } from '../types.js';
import { requestId } from './errors.js';

/** A field the request got wrong, as a problem document's `errors[]` lists it. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The sandbox's words for each status the v2 API answers; `code` is what clients branch on. */
const PROBLEMS: Record<number, { code: string; detail: string }> = {
  400: { code: 'invalid_request', detail: 'The request is invalid.' },
  401: { code: 'unauthorized', detail: 'The access token is missing, invalid or expired.' },
  // Only ever injected: a token without the scope the route needs.
  403: { code: 'forbidden', detail: 'The access token lacks the scope this route needs.' },
  404: { code: 'not_found', detail: 'No ticket with this id exists for your account.' },
  405: { code: 'method_not_allowed', detail: 'This method is not allowed on this resource.' },
  409: { code: 'ticket_closed', detail: 'The ticket is closed. Reopen it first.' },
  413: { code: 'payload_too_large', detail: 'The request body exceeds 1 MiB.' },
  429: { code: 'rate_limited', detail: 'Rate limit exceeded.' },
  500: { code: 'internal_error', detail: 'An unexpected error occurred.' },
  503: { code: 'service_unavailable', detail: 'The service is unavailable. Try again later.' },
};

/** The rate limit the sandbox's 429 reports in its `X-RateLimit-*` headers. */
const RATE_LIMIT = 120;

/**
 * An RFC 7807 problem document, `application/problem+json` (docs/providers/hostup.md, v2
 * errors): `{type, title, status, detail, code, instance, requestId, timestamp, errors?}`.
 */
export function problem(
  status: number,
  instance: string,
  options: { code?: string; detail?: string; errors?: readonly FieldProblem[]; headers?: Record<string, string> } = {},
): SandboxReply {
  const known = PROBLEMS[status];
  const code = options.code ?? known?.code ?? `http_${status}`;
  return {
    status,
    headers: { 'content-type': 'application/problem+json', ...options.headers },
    body: {
      type: `https://cloud.hostup.se/problems/${code}`,
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail: options.detail ?? known?.detail ?? STATUS_CODES[status] ?? 'Error',
      code,
      instance,
      requestId: requestId(),
      timestamp: new Date().toISOString(),
      ...(options.errors && { errors: options.errors }),
    },
  };
}

/** A 429 with `Retry-After` (seconds) and the `X-RateLimit-*` headers; the window resets when the wait ends. */
export function rateLimitedProblem(instance: string, retryAfterSeconds: number, code?: string): SandboxReply {
  return problem(429, instance, {
    ...(code !== undefined && { code }),
    detail: `Rate limit exceeded. Try again in ${retryAfterSeconds} seconds.`,
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + retryAfterSeconds),
    },
  });
}

/** A route the v2 API does not have: 404 with a code of its own, so it is not read as a missing ticket. */
export function routeNotFound(method: string, pathname: string): SandboxReply {
  return problem(404, pathname, { code: 'route_not_found', detail: `No route matches ${method} ${pathname}.` });
}

/** A path the v2 API has, with another method. */
export function methodNotAllowed(pathname: string, allowed: string): SandboxReply {
  const reply = problem(405, pathname, { detail: `Only ${allowed} is allowed on this resource.` });
  return { ...reply, headers: { ...reply.headers, allow: allowed } };
}

/** An injected fault at a v2 route, in v2's own form (`code` as the fault names it, or the status's). */
export function v2FaultReply(fault: StatusFault, pathname: string): SandboxReply {
  if (fault.status === 429) return rateLimitedProblem(pathname, fault.retryAfter ?? 1, fault.code);
  return problem(fault.status, pathname, fault.code === undefined ? {} : { code: fault.code });
}
