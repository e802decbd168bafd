import { UpstreamError, UpstreamTimeoutError } from '../domain/errors.js';
import { attemptOnce } from './attempt.js';
import { CircuitBreaker, type CallHealth } from './breaker.js';
import { RequestBudgetSpentError } from './byte-budget.js';
import { withDeadline } from './deadline.js';
import { AnswerTooLargeError, ClientGoneError } from './errors.js';
import { createFairLimit, LimitClosed, SlotWaitExpired, WaitAbandoned } from './fair-limit.js';
import { withRetries } from './retry.js';
import { createPool, sendThrough } from './send.js';
import type { UpstreamClient, UpstreamOptions, UpstreamRequest, UpstreamResponse } from './types.js';

const DEFAULT_QUEUE_TIMEOUT_MS = 30_000;
/** Five unhealthy calls in a row open a provider's circuit for 30 s. */
const DEFAULT_BREAKER = { failureThreshold: 5, coolDownMs: 30_000 };

/**
 * An undici Pool for one provider's origin, behind a process-wide concurrency limit whose slots
 * go to the requests waiting in turn (fair-limit.ts), so one request's hundred calls cannot hold
 * a provider from the others.
 *
 * Two clocks bound a call. Waiting for a slot under the limit is bounded by `queueTimeoutMs`;
 * the call's own deadline, `timeoutMs`, starts only when it holds a slot. With Sweeppea's limit
 * of one, a query for ten tickets queues nine calls behind the first: charging the queue to each
 * call's deadline would time out healthy calls that never reached the upstream.
 */
export function createUpstreamClient(options: UpstreamOptions): UpstreamClient {
  const pool = createPool(options);
  const attempt = attemptOnce(sendThrough(pool, options), options);
  const timed = withDeadline(withRetries(attempt, options), options.timeoutMs);
  // Shared by every request of the process, a freed slot going to the waiting requests in turn.
  const limit = createFairLimit(options.maxConcurrency);
  const queueTimeoutMs = options.queueTimeoutMs ?? DEFAULT_QUEUE_TIMEOUT_MS;
  const breaker = new CircuitBreaker(options.breaker ?? DEFAULT_BREAKER);
  const { provider, observer } = options;

  /** Throws, sending nothing, once the request the call is made for has read its byte budget. */
  function refuseWhenBudgetSpent(request: UpstreamRequest): void {
    const bytes = request.trace?.bytes;
    if (!bytes?.spent) return;
    observer?.refused({ provider, reason: 'budget_spent', requestId: request.trace?.requestId });
    throw new RequestBudgetSpentError(provider, bytes.limit);
  }

  /**
   * The call under the concurrency limit: it waits for a slot up to `queueTimeoutMs`, then holds
   * that slot through its retries and their waits, so a retry never queues again behind others
   * while its deadline runs (and an upstream that asked us to slow down gets no other call of
   * ours meanwhile). The deadline starts when the slot is held.
   */
  async function underLimit(request: UpstreamRequest): Promise<UpstreamResponse> {
    try {
      const retried = () => {
        // Checked again once the slot is held: the request's other calls may have spent it meanwhile.
        refuseWhenBudgetSpent(request);
        return timed(request);
      };
      // By the request's own trace, not its id: a client chooses its X-Request-Id, and could join
      // another request's turn by sending the same one.
      return await limit.run(request.trace, queueTimeoutMs, retried, request.trace?.signal);
    } catch (error) {
      if (error instanceof WaitAbandoned) {
        observer?.refused({ provider, reason: 'client_gone', requestId: request.trace?.requestId });
        throw new ClientGoneError(provider);
      }
      if (error instanceof SlotWaitExpired) {
        observer?.refused({ provider, reason: 'queue_timeout', requestId: request.trace?.requestId });
        throw new UpstreamTimeoutError(`${provider} is busy: no free call slot within ${queueTimeoutMs} ms`, {
          provider,
          cause: error,
        });
      }
      // Closing rejects the queued calls at once (rather than leaving them to their queue timeout).
      if (error instanceof LimitClosed) {
        observer?.refused({ provider, reason: 'closing', requestId: request.trace?.requestId });
        throw new UpstreamError(`${provider}: the gateway is shutting down`, { provider, retryable: true });
      }
      throw error;
    }
  }

  let closing: Promise<void> | undefined;
  return {
    provider,
    async request(request) {
      refuseWhenBudgetSpent(request);
      const admission = breaker.admit();
      if (!('done' in admission)) {
        observer?.refused({ provider, reason: 'circuit_open', requestId: request.trace?.requestId });
        const seconds = Math.ceil(admission.refusedForMs / 1000);
        throw new UpstreamError(`${provider} is failing; the gateway is not calling it for ${seconds} s`, {
          provider,
          retryable: true,
          retryAfter: seconds,
        });
      }
      try {
        const response = await underLimit(request);
        admission.done(response.status >= 500 ? 'unhealthy' : 'healthy');
        return response;
      } catch (error) {
        admission.done(healthShownBy(error));
        throw error;
      }
    },
    circuit: () => breaker.snapshot(),
    close(abort = false) {
      limit.clear();
      if (abort) return pool.destroyed ? Promise.resolve() : pool.destroy();
      // Once: a second close waits on the first rather than failing on a destroyed pool.
      closing ??= pool.close();
      return closing;
    },
  };
}

/**
 * What a failed call shows of the upstream's health, for the provider's breaker, shared by every
 * request. Unhealthy: no answer in time, no connection, or a success that is not JSON (a
 * maintenance page). Neither: waiting for our own slot, a request's byte budget spent, or an
 * answer refused for its size (headers or body past our caps); the upstream answered, and the
 * size is that of what was asked for, so one caller reading a huge ticket again and again must
 * not shut the provider for every other.
 */
function healthShownBy(error: unknown): CallHealth {
  const ours =
    (error instanceof UpstreamTimeoutError && error.cause instanceof SlotWaitExpired) ||
    error instanceof RequestBudgetSpentError ||
    error instanceof ClientGoneError;
  return ours || error instanceof AnswerTooLargeError ? 'neither' : 'unhealthy';
}
