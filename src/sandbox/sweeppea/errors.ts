import { STATUS_CODES } from 'node:http';
import type { SandboxReply } from '../simulator.js';
import type { StatusFault } from '../types.js';

/**
 * `fetchSingleTicket` and `/tickets/resolve` errors (every documented endpoint but update):
 * `{Response: false, Message, Code}`.
 */
export function sweeppeaError(status: number, message: string): SandboxReply {
  return { status, body: { Response: false, Message: message, Code: status } };
}

/** `/tickets/update` errors carry no `Code` (its document shows none). */
export function updateError(status: number, message: string): SandboxReply {
  return { status, body: { Response: false, Message: message } };
}

/** docs/providers/sweeppea.md: one request at a time per endpoint; a shared gate, so the body keeps `Code`. */
export const BUSY_REPLY = sweeppeaError(503, 'Service Unavailable: endpoint busy, retry with exponential backoff');

const FETCH_MESSAGES: Record<number, string> = {
  400: 'Missing caseNumber',
  401: 'Invalid or Missing Bearer Token',
  403: 'Invalid API Token',
  404: 'Ticket Not Found or Access Denied',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
};

const UPDATE_MESSAGES: Record<number, string> = {
  400: 'CaseId is required',
  401: 'Unauthorized: Missing token',
  403: 'You do not have permission to update this ticket',
  404: 'Ticket not found',
  413: 'Payload Too Large',
  500: 'Internal server error: simulated fault',
};

const RESOLVE_MESSAGES: Record<number, string> = {
  ...FETCH_MESSAGES,
  400: 'Missing Required Field: CaseId is required',
  404: 'Ticket Not Found or Already Closed',
};

/** The list endpoints' own 400 is the sandbox's: the page is the one field a client can get wrong. */
const LIST_MESSAGES: Record<number, string> = { ...FETCH_MESSAGES, 400: 'Invalid page number' };

const LIST_PATHS = new Set(['/tickets/fetchOpenTickets', '/tickets/fetchClosedTickets']);

/** The documented error body of the endpoint at `pathname` for an injected status. */
export function sweeppeaFaultReply(fault: StatusFault, pathname: string): SandboxReply {
  if (fault.status === 503) return BUSY_REPLY;
  if (fault.status === 429) {
    // docs/providers/sweeppea.md: over its rate limit Sweeppea answers 429 and asks for exponential backoff.
    const reply = sweeppeaError(429, 'Too Many Requests: rate limit exceeded, retry with exponential backoff');
    return { ...reply, headers: { 'retry-after': String(fault.retryAfter ?? 1) } };
  }
  const fallback = STATUS_CODES[fault.status] ?? 'Error';
  if (pathname === '/tickets/update') return updateError(fault.status, UPDATE_MESSAGES[fault.status] ?? fallback);
  const messages =
    pathname === '/tickets/resolve' ? RESOLVE_MESSAGES : LIST_PATHS.has(pathname) ? LIST_MESSAGES : FETCH_MESSAGES;
  return sweeppeaError(fault.status, messages[fault.status] ?? fallback);
}
