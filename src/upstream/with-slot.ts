import { UpstreamFailedError, UpstreamTimeoutError } from '../domain/errors.js';
import { ClientGoneError } from './errors.js';
import { type FairLimit, WaitDropped, SlotWaitExpired, WaitAbandoned } from './fair-limit.js';
import type { Call } from './layer.js';
import type { UpstreamOptions } from './types.js';

const DEFAULT_QUEUE_TIMEOUT_MS = 30_000;

/**
 * The layer of the provider's concurrency limit, shared by every request of the process: the
 * call waits for a slot, its request's turn coming in order with the others waiting
 * (fair-limit.ts), up to `queueTimeoutMs`; then it holds that slot through everything inside,
 * retries and their waits included, so a retry never queues again behind others while its
 * deadline runs (and an upstream that asked us to slow down gets no other call of ours
 * meanwhile). A call that gets no slot is never sent, and counted as refused.
 */
export function withSlot(
  next: Call,
  limit: FairLimit,
  options: Pick<UpstreamOptions, 'provider' | 'observer' | 'queueTimeoutMs'>,
): Call {
  const queueTimeoutMs = options.queueTimeoutMs ?? DEFAULT_QUEUE_TIMEOUT_MS;
  const { provider, observer } = options;
  return async (request) => {
    const requestId = request.trace?.requestId;
    try {
      // By the request's own trace, not its id: a client chooses its X-Request-Id, and could join
      // another request's turn by sending the same one.
      return await limit.run(request.trace, queueTimeoutMs, () => next(request), request.trace?.signal);
    } catch (error) {
      if (error instanceof WaitAbandoned) {
        observer?.refused({ provider, reason: 'client_gone', requestId });
        throw new ClientGoneError(provider);
      }
      if (error instanceof SlotWaitExpired) {
        observer?.refused({ provider, reason: 'queue_timeout', requestId });
        throw new UpstreamTimeoutError(`${provider} is busy: no free call slot within ${queueTimeoutMs} ms`, {
          provider,
          cause: error,
        });
      }
      // Closing rejects the queued calls at once (rather than leaving them to their queue timeout).
      if (error instanceof WaitDropped) {
        observer?.refused({ provider, reason: 'closing', requestId });
        throw new UpstreamFailedError(`${provider}: the gateway is shutting down`, { provider, retryable: true });
      }
      throw error;
    }
  };
}
