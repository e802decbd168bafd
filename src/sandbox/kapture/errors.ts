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

/** The documented error-code table lists 400/401/403/404/500 with no bodies: the failure shape at that status. */
export function kaptureFaultReply(fault: StatusFault): SandboxReply {
  const reply = kaptureFailure(MESSAGES[fault.status] ?? STATUS_CODES[fault.status] ?? 'Error', fault.status);
  return fault.status === 429 ? { ...reply, headers: { 'retry-after': String(fault.retryAfter ?? 1) } } : reply;
}
