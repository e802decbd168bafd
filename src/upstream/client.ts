import { attemptOnce } from './attempt-once.js';
import { CircuitBreaker } from './breaker.js';
import { createFairLimit } from './fair-limit.js';
import { createPool, sendThrough } from './send-through.js';
import type { UpstreamClient, UpstreamOptions } from './types.js';
import { withBreaker } from './with-breaker.js';
import { withByteBudget } from './with-byte-budget.js';
import { withDeadline } from './with-deadline.js';
import { withRetries } from './with-retries.js';
import { withSlot } from './with-slot.js';
import { withSpanParent } from './with-span-parent.js';
import { withTrySpans } from './with-try-spans.js';

/** Five unhealthy calls in a row open a provider's circuit for 30 s. */
const DEFAULT_BREAKER = { failureThreshold: 5, coolDownMs: 30_000 };

/**
 * The HTTP client of one provider: an undici Pool for its origin, behind layers that each wrap
 * the next, as undici's interceptors wrap a dispatch. A call passes them from the outside in:
 *
 *   withSpanParent  (when tracing) the trace context the call was made in, kept for its tries
 *   withByteBudget  refused once its request has read its byte budget
 *   withBreaker     refused while the provider's circuit is open; its health told
 *   withSlot        waits its request's turn for a slot, up to queueTimeoutMs
 *   withByteBudget  checked again with the slot held: other calls may have spent it
 *   withDeadline    the call's deadline, timeoutMs, starts with the slot held
 *   withRetries     tried again when it may be, within the deadline
 *   withTrySpans    (when tracing) a span a try, its traceparent sent with it
 *   attemptOnce     one try: ended at the deadline, reported, its failure a gateway error
 *   sendThrough     the HTTP exchange: the answer capped in size and parsed
 *
 * Each layer is in the file named after it (withBreaker in with-breaker.ts), beside the parts it
 * uses (breaker.ts, fair-limit.ts, byte-budget.ts, deadline-signal.ts).
 *
 * Two clocks bound a call. Waiting for a slot under the limit is bounded by `queueTimeoutMs`;
 * the call's own deadline, `timeoutMs`, starts only when it holds a slot. With Sweeppea's limit
 * of one (docs/providers/sweeppea.md), a query for ten tickets queues nine calls behind the
 * first: charging the queue to each call's deadline would time out healthy calls that never
 * reached the upstream.
 */
export function createUpstreamClient(options: UpstreamOptions): UpstreamClient {
  const pool = createPool(options);
  // Shared by every request of the process, a freed slot going to the waiting requests in turn.
  const limit = createFairLimit(options.maxConcurrency);
  const breaker = new CircuitBreaker(options.breaker ?? DEFAULT_BREAKER);
  // Innermost first, each layer wrapping the one above it.
  const sent = sendThrough(pool, options);
  const tried = attemptOnce(sent, options);
  const { tracer } = options;
  const circuit = () => breaker.snapshot().state;
  const spanned = tracer ? withTrySpans(tried, tracer, { ...options, circuit }) : tried;
  const retried = withRetries(spanned, options);
  const timed = withDeadline(retried, options.timeoutMs);
  const checkedInSlot = withByteBudget(timed, options);
  const limited = withSlot(checkedInSlot, limit, options);
  const guarded = withBreaker(limited, breaker, options);
  const budgeted = withByteBudget(guarded, options);
  const call = tracer ? withSpanParent(budgeted) : budgeted;

  let closing: Promise<void> | undefined;
  const close = (abort = false): Promise<void> => {
    limit.dropWaiting();
    if (abort) return pool.destroyed ? Promise.resolve() : pool.destroy();
    // Once: a second close waits on the first rather than failing on a destroyed pool.
    closing ??= pool.close();
    return closing;
  };
  return {
    provider: options.provider,
    request: call,
    circuit: () => breaker.snapshot(),
    close,
    [Symbol.asyncDispose]: () => close(),
  };
}
