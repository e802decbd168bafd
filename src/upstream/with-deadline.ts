import type { Call, TimedCall } from './layer.js';

/**
 * The layer that starts a call's deadline: `timeoutMs` from when the call reaches it, which is
 * once it holds a slot under the concurrency limit, and which every try and wait inside must keep.
 */
export function withDeadline(next: TimedCall, timeoutMs: number): Call {
  return (request) => next(request, Date.now() + timeoutMs);
}
