import { checkShape } from '../kit/check-shape.js';
import {
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  UpstreamFailedError,
  type TicketGraphError,
} from '../../domain/errors.js';
import { parseRetryAfter, retryAfterHeader } from '../../upstream/retry-after.js';
import type { UpstreamClient, UpstreamResponse } from '../../upstream/types.js';
import { shapeError } from '../kit/shape-error.js';
import { wordTable } from '../kit/word-table.js';
import { hostupErrorShape, hostupSuccessShape, type HostupAnswer } from './payload.js';

const provider = 'hostup';

/**
 * docs/providers/hostup.md, Errors: an error document inside a 2xx answer (`success: false`) is
 * named by its `error` word, as the 4xx documents are; each word is read as the status it names.
 * The snake-case codes (`not_found`) and the HTTP reason phrases of the 4xx documents
 * (`Not Found`) fold to the same key.
 */
const ERROR_WORDS = wordTable<number>({
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  too_many_requests: 429,
});

/** `GET /api/support/tickets/{number}` with `X-API-Key`: the whole answer, validated. */
export async function getTicket(http: UpstreamClient, number: string, apiKey: string): Promise<HostupAnswer> {
  const response = await http.request({
    method: 'GET',
    path: `/api/support/tickets/${encodeURIComponent(number)}`,
    // As the documented curl sends them, Content-Type included.
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
    retryAfterOf,
  });
  const details = { provider, upstreamStatus: response.status } as const;
  if (response.status < 200 || response.status >= 300) throw errorFor(response, number, response.status);
  const parsed = checkShape(hostupSuccessShape, response.body);
  if (parsed.success) return parsed.data;
  // docs/providers/hostup.md: check the body, not only the status: an error document with a 2xx is still an error.
  const body = response.body as { success?: unknown; error?: unknown } | undefined;
  if (body?.success === false || checkShape(hostupErrorShape, response.body).success) {
    const named = typeof body?.error === 'string' ? ERROR_WORDS.get(body.error) : undefined;
    if (named !== undefined) throw errorFor(response, number, named);
    throw new UpstreamFailedError(
      `HostUp answered ticket ${number} with an error of a kind the gateway does not know`,
      {
        ...details,
        retryable: false,
      },
    );
  }
  throw shapeError(`HostUp answered ticket ${number}`, parsed.error, details);
}

/** The error `status` stands for: the HTTP status, or the one a 2xx error document's word names. */
function errorFor(response: UpstreamResponse, number: string, status: number): TicketGraphError {
  const details = { provider, upstreamStatus: response.status } as const;
  switch (status) {
    case 401:
      return new UnauthenticatedError('HostUp rejected the API key', details);
    case 403:
      return new ForbiddenError(`HostUp refused access to ticket ${number}`, details);
    case 404:
      // The legacy API answers another customer's ticket like a missing one.
      return new NotFoundError(`HostUp has no ticket ${number}`, details);
    case 429:
      return new RateLimitedError('HostUp rate limit reached', { ...details, retryAfter: retryAfterOf(response) });
    default:
      return new UpstreamFailedError(`HostUp failed to read ticket ${number}`, {
        ...details,
        retryable: status >= 500,
        retryAfter: retryAfterOf(response),
      });
  }
}

/**
 * Seconds to wait: the body's documented `retryAfter` (a string of seconds) and the standard
 * `Retry-After` header; when both are given, the longer wait, so no retry comes too early.
 */
function retryAfterOf(response: UpstreamResponse): number | undefined {
  const waits = [
    parseRetryAfter((response.body as { retryAfter?: unknown } | null | undefined)?.retryAfter),
    retryAfterHeader(response),
  ].filter((wait): wait is number => wait !== undefined);
  return waits.length === 0 ? undefined : Math.max(...waits);
}
