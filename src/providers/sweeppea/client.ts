import {
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  UpstreamError,
  type TicketGraphError,
} from '../../errors.js';
import { retryAfterHeader } from '../../upstream/retry-after.js';
import type { UpstreamClient, UpstreamResponse } from '../../upstream/types.js';
import { shapeError } from '../shape-error.js';
import { sweeppeaErrorSchema, sweeppeaSuccessSchema, type SweeppeaAnswer, type SweeppeaErrorBody } from './schema.js';

const provider = 'sweeppea';

/**
 * The seed's 403 "Invalid API Token" is what a wrong key gets, so for our users it is an
 * authentication failure (UNAUTHENTICATED); any other 403 (upstreams.md: plan limit exceeded,
 * no permission) is FORBIDDEN. Reading the message is the only way to tell them apart.
 */
const INVALID_TOKEN = /invalid\s+api\s+token/i;

/** `POST /tickets/fetchSingleTicket` `{caseNumber}`: the whole answer (the ticket under `Data`), validated. */
export async function fetchSingleTicket(http: UpstreamClient, caseNumber: string, apiKey: string): Promise<SweeppeaAnswer> {
  const response = await http.request({
    method: 'POST',
    path: '/tickets/fetchSingleTicket',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ caseNumber }),
  });
  // upstreams.md: errors may come as `Response: false` whatever the HTTP status says.
  const failure = sweeppeaErrorSchema.safeParse(response.body);
  if (!isSuccess(response.status) || failure.success) {
    throw errorFor(response, failure.success ? failure.data : undefined, caseNumber);
  }
  const parsed = sweeppeaSuccessSchema.safeParse(response.body);
  if (!parsed.success) {
    throw shapeError(`Sweeppea answered ticket ${caseNumber}`, parsed.error, { provider, upstreamStatus: response.status });
  }
  return parsed.data;
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** The HTTP status decides; the body's `Code` only when the status claims success. */
function errorFor(response: UpstreamResponse, body: SweeppeaErrorBody | undefined, caseNumber: string): TicketGraphError {
  const code = Number(body?.Code);
  const status = isSuccess(response.status) ? code : response.status;
  const details = { provider, upstreamStatus: response.status } as const;
  switch (status) {
    case 401:
      return new UnauthenticatedError('Sweeppea rejected the API key', details);
    case 403:
      return INVALID_TOKEN.test(body?.Message ?? '')
        ? new UnauthenticatedError('Sweeppea rejected the API key', details)
        : new ForbiddenError(`Sweeppea refused access to ticket ${caseNumber} (permission or plan limit)`, details);
    case 404:
      // "Ticket Not Found or Access Denied": another account's ticket looks like a missing one.
      return new NotFoundError(`Sweeppea has no ticket ${caseNumber}`, details);
    case 429:
      return new RateLimitedError('Sweeppea rate limit reached', { ...details, retryAfter: retryAfterHeader(response) });
    case 503:
      // upstreams.md: each endpoint serves one request at a time; busy is 503 and worth a retry.
      return new UpstreamError('Sweeppea is busy serving another request', { ...details, retryable: true });
    default:
      return new UpstreamError(`Sweeppea failed to read ticket ${caseNumber}`, {
        ...details,
        retryable: Number.isInteger(status) && status >= 500,
      });
  }
}
