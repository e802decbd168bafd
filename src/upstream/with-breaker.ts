import { UpstreamFailedError, UpstreamTimeoutError } from '../domain/errors.js';
import type { CallHealth, CircuitBreaker } from './breaker.js';
import { RequestBudgetSpentError } from './byte-budget.js';
import { AnswerTooLargeError, ClientGoneError } from './errors.js';
import { SlotWaitExpired } from './fair-limit.js';
import type { Call } from './layer.js';
import type { UpstreamOptions } from './types.js';

/**
 * The layer of the provider's circuit breaker, shared by every request of the process: while the
 * circuit is open a call is refused at once, never sent and never queued; otherwise what the
 * call showed of the upstream's health is told to the breaker. An answer of 500 or more is
 * unhealthy, any other answer healthy.
 */
export function withBreaker(
  next: Call,
  breaker: CircuitBreaker,
  options: Pick<UpstreamOptions, 'provider' | 'observer'>,
): Call {
  const { provider, observer } = options;
  return async (request) => {
    const admission = breaker.admit();
    if (!('done' in admission)) {
      observer?.refused({ provider, reason: 'circuit_open', requestId: request.trace?.requestId });
      const seconds = Math.ceil(admission.refusedForMs / 1000);
      throw new UpstreamFailedError(`${provider} is failing; the gateway is not calling it for ${seconds} s`, {
        provider,
        retryable: true,
        retryAfter: seconds,
      });
    }
    try {
      const response = await next(request);
      admission.done(response.status >= 500 ? 'unhealthy' : 'healthy');
      return response;
    } catch (error) {
      admission.done(healthShownBy(error));
      throw error;
    }
  };
}

/**
 * What a failed call shows of the upstream's health. Unhealthy: no answer in time, no
 * connection, or a success that is not JSON (a maintenance page). Neither: waiting for our own
 * slot, a request's byte budget spent, its client gone, or an answer refused for its size
 * (headers or body past our caps); the upstream answered, and the size is that of what was asked
 * for, so one caller reading a huge ticket again and again must not shut the provider for every
 * other.
 */
function healthShownBy(error: unknown): CallHealth {
  const ours =
    (error instanceof UpstreamTimeoutError && error.cause instanceof SlotWaitExpired) ||
    error instanceof RequestBudgetSpentError ||
    error instanceof ClientGoneError;
  return ours || error instanceof AnswerTooLargeError ? 'neither' : 'unhealthy';
}
