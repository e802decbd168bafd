import {
  UnauthenticatedError,
  UpstreamFailedError,
  UpstreamInvalidResponseError,
  type TicketGraphError,
} from '../../domain/errors.js';
import type { UpstreamClient } from '../../upstream/types.js';
import { checkShape } from '../kit/check-shape.js';
import { shapeError } from '../kit/shape-error.js';
import { statusError } from '../kit/status-error.js';
import { failureIn, type NamedFailure } from './failure.js';
import { pulledDayShape, type PulledTicket } from './list-payload.js';
import { ticketKey } from './payload.js';

const provider = 'kapture';
export const PULL_PATH = '/select-ticket-between-start-and-end-dates.html/v.2.0';

/**
 * `POST /select-ticket-between-start-and-end-dates.html/v.2.0` for one day (`YYYY-MM-DD` in the
 * provider's zone) as both `start_date` and `end_date`: at most 24 hours a call, both dates
 * included (docs/providers/kapture.md, Lists). Answers the items as Kapture sends them, checked,
 * each ticket once; the caller decides which belong to the day. A failed call throws.
 */
export async function pullDay(
  http: UpstreamClient,
  day: string,
  limit: number,
  apiKey: string,
): Promise<readonly PulledTicket[]> {
  const response = await http.request({
    method: 'POST',
    path: PULL_PATH,
    headers: { authorization: `Basic ${apiKey}`, 'content-type': 'application/json' },
    // A JSON array of one range, as documented.
    body: JSON.stringify([{ start_date: day, end_date: day, limit }]),
  });
  const details = { provider, upstreamStatus: response.status } as const;
  // docs/providers/kapture.md: a failure the message names ("Invalid Auth Key", "Invalid Json.", …)
  // is that failure whatever the HTTP status; an unnamed one on a non-2xx is the status's.
  const failure = failureIn(response.body);
  if (failure) throw pullFailure(failure, day, response.status);
  if (response.status < 200 || response.status >= 300) {
    throw statusError(response, provider, {
      refused: 'Kapture CRM rejected the API key',
      noEndpoint: 'Kapture CRM has no date-range pull endpoint at the configured base URL',
      failed: `Kapture CRM answered HTTP ${response.status} listing the tickets created on ${day}`,
    });
  }
  if (failure === null) throw pullFailure(failure, day, response.status);
  const answer = checkShape(pulledDayShape, response.body);
  if (!answer.success) {
    throw shapeError(`Kapture CRM answered the tickets created on ${day}`, answer.error, details);
  }
  const seen = new Set<string>();
  for (const item of answer.data.message) {
    const key = ticketKey(item.ticketId)!;
    // Which copy is right cannot be told; a broken or lying answer must not choose what a client sees.
    if (seen.has(key)) {
      throw new UpstreamInvalidResponseError(`Kapture CRM answered ticket ${key} twice for ${day}`, details);
    }
    seen.add(key);
  }
  return answer.data.message;
}

/**
 * A `status: "failed"` answer (a named failure on any status, another on a 2xx) in the gateway's
 * own words; asking again gets the same.
 */
function pullFailure(failure: NamedFailure | null, day: string, status: number): TicketGraphError {
  const details = { provider, upstreamStatus: status, retryable: false } as const;
  if (failure === 'invalid-auth-key') return new UnauthenticatedError('Kapture CRM rejected the API key', details);
  if (failure === 'malformed-request') {
    return new UpstreamFailedError("Kapture CRM refused the gateway's date-range request as malformed", details);
  }
  return new UpstreamFailedError(`Kapture CRM reported a failure listing the tickets created on ${day}`, details);
}
