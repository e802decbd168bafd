import { STATUS_CODES } from 'node:http';
import type { SandboxReply } from '../simulator.js';
import type { StatusFault } from '../types.js';

/** WHMCS-level errors: `{result: "error", message}`, with HTTP 200 (docs/providers/keliweb.md). */
export function whmcsError(message: string, status = 200): SandboxReply {
  return { status, body: { result: 'error', message } };
}

/** Keliweb API v2 is a Laravel Passport API: failures before the WHMCS call are Laravel's `{message}`. */
export function laravelError(status: number, message: string): SandboxReply {
  return { status, body: { message } };
}

const LARAVEL_MESSAGES: Record<number, string> = {
  401: 'Unauthenticated.',
  403: 'This action is unauthorized.',
  404: 'Not Found',
  413: 'The POST data is too large.',
  429: 'Too Many Attempts.',
  503: 'Service Unavailable',
};

export function keliwebFaultReply(fault: StatusFault): SandboxReply {
  if (fault.status === 500) return whmcsError('Internal Server Error', 500);
  const reply = laravelError(fault.status, LARAVEL_MESSAGES[fault.status] ?? STATUS_CODES[fault.status] ?? 'Error');
  return fault.status === 429 ? { ...reply, headers: { 'retry-after': String(fault.retryAfter ?? 1) } } : reply;
}
