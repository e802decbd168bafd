import { UpstreamError } from '../errors.js';
import type { ProviderName } from '../model.js';

/**
 * The upstream bytes one gateway request may read, across its calls to every provider. Each
 * answer is charged chunk by chunk as it streams in, so a request past its budget stops reading
 * at once rather than after buffering what it asked for: sixty tickets of 9 MB each would
 * otherwise hold half a gigabyte for one query.
 */
export interface ByteBudget {
  /** The most bytes the request may read (`UPSTREAM_MAX_BYTES_PER_REQUEST`). */
  readonly limit: number;
  /** Counts `bytes` more read; false once the request has read more than `limit`. */
  charge(bytes: number): boolean;
  /** Whether the request has read more than `limit`: its further calls are not sent. */
  readonly spent: boolean;
}

export function createByteBudget(limit: number): ByteBudget {
  let read = 0;
  return {
    limit,
    charge(bytes) {
      read += bytes;
      return read <= limit;
    },
    get spent() {
      return read > limit;
    },
  };
}

/**
 * UPSTREAM_ERROR for a call whose request has read its whole byte budget: the answer was cut, or
 * the call never sent. Not retryable, as the same request would spend its budget the same way;
 * not UPSTREAM_INVALID_RESPONSE, as nothing says the upstream's answer was wrong.
 */
export class RequestBudgetSpentError extends UpstreamError {
  constructor(provider: ProviderName, limit: number) {
    super(
      `${provider} not read: this request has read its ${limit} bytes of upstream answers ` +
        '(UPSTREAM_MAX_BYTES_PER_REQUEST); ask for fewer tickets at once',
      { provider, retryable: false },
    );
  }
}
