import { STATUS_CODES } from 'node:http';
import type { SandboxReply } from '../simulator.js';
import type { StatusFault } from '../types.js';

/** Kapture's failures: `{message, status: "failed"}`, documented with HTTP 200. */
export function kaptureFailure(message: string, status = 200): SandboxReply {
  return { status, body: { message, status: 'failed' } };
}

const MESSAGES: Record<number, string> = {
  400: 'Invalid Json.',
  401: 'Invalid Auth Key',
  413: 'Request Entity Too Large',
};

/**
 * The documented error-code table lists 400/401/403/404/500 with no bodies: the failure shape at that
 * status. A fault's `code` is the failure's message (Kapture names its failures by message), e.g.
 * `Invalid Auth Key` with a 403, which the sources say Kapture also sends.
 */
export function kaptureFaultReply(fault: StatusFault): SandboxReply {
  const message = fault.code ?? MESSAGES[fault.status] ?? STATUS_CODES[fault.status] ?? 'Error';
  const reply = kaptureFailure(message, fault.status);
  return fault.status === 429 ? { ...reply, headers: { 'retry-after': String(fault.retryAfter ?? 1) } } : reply;
}
