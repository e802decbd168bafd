import { UpstreamFailedError } from '../domain/errors.js';
import type { ProviderName } from '../domain/model.js';

/**
 * The upstream bytes one gateway request may read, across its calls to every provider. An answer
 * takes its stated length before it is read, or each chunk as it streams in when it states none,
 * so a request past its budget stops reading at once rather than after buffering what it asked
 * for: one query for many large tickets would otherwise hold them all at once (README, "Bounds on
 * one request").
 */
export interface ByteBudget {
  /** The most bytes the request may read (`UPSTREAM_MAX_BYTES_PER_REQUEST`). */
  readonly limit: number;
  /**
   * Takes `bytes` from what is left. When fewer are left it takes nothing, answers false, and the
   * budget is spent from then on.
   */
  take(bytes: number): boolean;
  /** Whether the budget refused an answer: the request's further calls are not sent. */
  readonly spent: boolean;
}

export function createByteBudget(limit: number): ByteBudget {
  let left = limit;
  let spent = false;
  return {
    limit,
    take(bytes) {
      if (bytes > left) spent = true;
      else left -= bytes;
      return !spent;
    },
    get spent() {
      return spent;
    },
  };
}

/**
 * UPSTREAM_ERROR for a call whose request has read its whole byte budget: the answer was cut, or
 * the call never sent. Not retryable, as the same request would spend its budget the same way;
 * not UPSTREAM_INVALID_RESPONSE, as nothing says the upstream's answer was wrong.
 */
export class RequestBudgetSpentError extends UpstreamFailedError {
  constructor(provider: ProviderName, limit: number) {
    super(
      `${provider} not read: this request has read its ${limit} bytes of upstream answers ` +
        '(UPSTREAM_MAX_BYTES_PER_REQUEST); ask for fewer tickets at once',
      { provider, retryable: false },
    );
  }
}
