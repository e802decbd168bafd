import { STATUS_CODES } from 'node:http';
import type { SandboxReply } from '../simulator.js';
import type { StatusFault } from '../types.js';

let requestSequence = 0;

/** Every legacy answer carries a request id; unique within the process. */
export function requestId(): string {
  requestSequence += 1;
  return `req_${Date.now().toString(36)}_${requestSequence.toString(36).padStart(6, '0')}`;
}

const ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'INVALID_PARAMETER', message: 'Invalid ticket number' },
  401: { code: 'UNAUTHORIZED', message: 'Invalid or missing API key' },
  // docs/providers/hostup.md lists 403 without saying when: a valid key whose account is suspended
  // (only ever injected).
  403: { code: 'ACCOUNT_SUSPENDED', message: 'Your account is suspended; API access is disabled' },
  404: { code: 'TICKET_NOT_FOUND', message: 'Ticket not found' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body exceeds 1 MiB' },
  500: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred' },
};

/** The legacy error document `{error, message, code, timestamp, requestId}`. */
export function hostUpError(status: number, override?: { code: string; message: string }): SandboxReply {
  const { code, message } = override ??
    ERRORS[status] ?? { code: `HTTP_${status}`, message: STATUS_CODES[status] ?? 'Error' };
  return {
    status,
    body: {
      error: STATUS_CODES[status] ?? 'Error',
      message,
      code,
      timestamp: new Date().toISOString(),
      requestId: requestId(),
    },
  };
}

/** 429 has its own documented shape, `retryAfter` a string of seconds, mirrored in `Retry-After`. */
export function rateLimited(retryAfterSeconds: number): SandboxReply {
  const retryAfter = String(retryAfterSeconds);
  return {
    status: 429,
    headers: { 'retry-after': retryAfter },
    body: {
      error: 'Too Many Requests',
      message: 'Rate limit exceeded, try again later',
      retryAfter,
      requestId: requestId(),
    },
  };
}

/**
 * An injected fault at a legacy route; a `code` the fault names replaces the documented one. Sent
 * with a 2xx `httpStatus`, the document also says `success: false`, the field the documented 200
 * answer carries (docs/providers/hostup.md, Unconfirmed).
 */
export function hostUpFaultReply(fault: StatusFault): SandboxReply {
  const reply = fault.status === 429 ? rateLimited(fault.retryAfter ?? 1) : hostUpError(fault.status);
  const asSuccess = fault.httpStatus !== undefined && fault.httpStatus < 300;
  return {
    ...reply,
    body: {
      ...(asSuccess && { success: false }),
      ...(reply.body as object),
      ...(fault.code !== undefined && fault.status !== 429 && { code: fault.code }),
    },
  };
}
