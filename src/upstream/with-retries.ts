import { setTimeout as sleep } from 'node:timers/promises';
import { TicketGraphError } from '../domain/errors.js';
import { closedMidCall, neverSent } from './delivery.js';
import type { TimedCall } from './layer.js';
import { retryAfterHeader } from './retry-after.js';
import type { UpstreamOptions, UpstreamRequest, UpstreamResponse } from './types.js';

/** Answers a read is sent again for: rate limited, and the gateway-ish 5xx that mean "not now". */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
/** The longest Retry-After the client waits out itself; a longer one goes back to the caller. */
const MAX_RETRY_WAIT_MS = 5_000;

/**
 * The layer that tries a call again, up to `retries` further times, all within the deadline the
 * first try starts: a read after a connection failure or a 429/502/503/504, a write only when
 * nothing was sent. Between tries it waits a backoff, or the wait the answer asks for.
 */
export function withRetries(next: TimedCall, options: Pick<UpstreamOptions, 'retries'>): TimedCall {
  const retries = options.retries ?? 0;
  return async (request, endsAt) => {
    for (let tried = 0; ; tried += 1) {
      let response: UpstreamResponse;
      try {
        response = await next(request, endsAt, tried);
      } catch (error) {
        const again = tried < retries && error instanceof TicketGraphError && mayTryAgain(error.cause, request);
        if (!again || !(await waitWithin(endsAt, backoffMs(tried)))) throw error;
        continue;
      }
      // Only reads are sent again for their status; the provider maps the last answer it got.
      if (request.write === true || tried >= retries || !RETRY_STATUSES.has(response.status)) return response;
      // Where the provider says it, when not in the header: HostUp's body `retryAfter`
      // (docs/providers/hostup.md).
      const asked = (request.retryAfterOf ?? retryAfterHeader)(response);
      const waitMs = asked === undefined ? backoffMs(tried) : asked * 1000;
      // A wait past the cap or the deadline is not waited: the caller gets the answer (a 429
      // becomes RATE_LIMITED with its retryAfter) at once rather than late.
      if (waitMs > MAX_RETRY_WAIT_MS || !(await waitWithin(endsAt, waitMs))) return response;
    }
  };
}

/**
 * Whether a failed call may be sent again. A connection that never opened sent nothing, so any
 * call may; one that closed under the call may have delivered it, so only a read may. A timeout
 * is not tried again: it has spent the call's deadline.
 */
function mayTryAgain(cause: unknown, request: UpstreamRequest): boolean {
  if (neverSent(cause)) return true;
  return request.write !== true && closedMidCall(cause);
}

/** 100 ms, 200 ms, 400 ms … up to 1 s, each with jitter so callers do not retry in step. */
function backoffMs(tried: number): number {
  return Math.min(1_000, 100 * 2 ** tried) * (0.5 + Math.random() / 2);
}

/** Sleeps `ms` if that ends before `endsAt` (epoch ms); false (at once) if it would not. */
async function waitWithin(endsAt: number, ms: number): Promise<boolean> {
  if (Date.now() + ms >= endsAt) return false;
  await sleep(ms);
  return true;
}
