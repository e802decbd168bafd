import {
  errorForUpstreamStatus,
  UnauthenticatedError,
  UpstreamFailedError,
  type TicketGraphError,
} from '../../domain/errors.js';
import type { ProviderName } from '../../domain/model.js';
import { retryAfterHeader } from '../../upstream/retry-after.js';
import type { UpstreamResponse } from '../../upstream/types.js';

/** The gateway's own words for each failure `statusError` tells apart. */
export interface StatusErrorWords {
  /** For a 401: the credential refused, e.g. `Keliweb rejected the access token`. */
  readonly refused: string;
  /** For a 404: the endpoint missing, e.g. `Kapture CRM has no search endpoint at the configured base URL`. */
  readonly noEndpoint: string;
  /**
   * For any other status, e.g. `Keliweb failed to read ticket 516757`; for a write, words that say
   * the change may or may not have been made.
   */
  readonly failed: string;
}

/**
 * The error for a non-2xx answer of a provider that says "no such ticket" inside a 2xx answer
 * (docs/providers/keliweb.md: a WHMCS error with HTTP 200; docs/providers/kapture.md: the id is
 * absent from the list). A 401 is the credential refused. A 404 is then the route, not the ticket:
 * a wrong base URL or subdomain, which must not read as NOT_FOUND for the ticket (or the whole
 * batch), and which asking again will not mend. Any other status means what it means, with the
 * `Retry-After` the answer gives, but for a `write` a 5xx is not retryable: the server may have
 * failed after making the change, which must be read rather than sent again.
 */
export function statusError(
  response: UpstreamResponse,
  provider: ProviderName,
  words: StatusErrorWords,
  write = false,
): TicketGraphError {
  const details = { provider, upstreamStatus: response.status } as const;
  if (response.status === 401) return new UnauthenticatedError(words.refused, details);
  if (response.status === 404) return new UpstreamFailedError(words.noEndpoint, { ...details, retryable: false });
  if (write && response.status >= 500) return new UpstreamFailedError(words.failed, { ...details, retryable: false });
  return errorForUpstreamStatus(response.status, words.failed, { ...details, retryAfter: retryAfterHeader(response) });
}
