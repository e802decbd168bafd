import { checkShape } from '../kit/check-shape.js';
import {
  NotFoundError,
  UnauthenticatedError,
  UpstreamFailedError,
  UpstreamInvalidResponseError,
  type TicketGraphError,
} from '../../domain/errors.js';
import type { UpstreamClient } from '../../upstream/types.js';
import { shapeError } from '../kit/shape-error.js';
import { statusError } from '../kit/status-error.js';
import { failureIn, type NamedFailure } from './failure.js';
import { kaptureTicketShape, kaptureUpdatedShape, ticketKey, type KaptureTicket } from './payload.js';

const provider = 'kapture';
export const SEARCH_PATH = '/search-ticket-by-ticket-id.html/v.2.0';
export const UPDATE_PATH = '/update-ticket-from-other-source.html/v.2.0';

/** Where a shape broke when the element's own ticket id could not be read. */
const NO_TICKET_ID = 'an element without a ticket id';

/**
 * `POST /search-ticket-by-ticket-id.html/v.2.0` for several ids at once. Answers one entry per
 * number, in order: the ticket, or the error for that number. A failed call throws.
 */
export async function searchTickets(
  http: UpstreamClient,
  numbers: readonly string[],
  apiKey: string,
): Promise<(KaptureTicket | TicketGraphError)[]> {
  const response = await http.request({
    method: 'POST',
    path: SEARCH_PATH,
    headers: { authorization: `Basic ${apiKey}`, 'content-type': 'application/json' },
    // The documented body, every filter empty. It must be an object: an array gets "Invalid Json.".
    body: JSON.stringify({
      ticket_ids: numbers.join(','),
      conversation_type: '',
      history_type: '',
      assigned: '',
      disposed: '',
      response: '',
      landing_queue: '',
      create: '',
      resolved: '',
      include_emailbody: '',
    }),
  });
  const details = { provider, upstreamStatus: response.status } as const;
  // docs/providers/kapture.md: failures come as a body, often with HTTP 200, and a failure the
  // message names is that failure whatever the status; an unnamed one on a non-2xx is the status's.
  const failure = failureIn(response.body);
  if (failure) throw failureError(failure, response.status);
  if (response.status < 200 || response.status >= 300) {
    throw statusError(response, provider, {
      refused: 'Kapture CRM rejected the API key',
      noEndpoint: 'Kapture CRM has no search endpoint at the configured base URL',
      failed: `Kapture CRM answered HTTP ${response.status}`,
    });
  }
  if (failure === null) throw failureError(failure, response.status);
  // Success is a bare array. Each element is checked on its own (its depth too), not the list as a
  // whole, so one bad ticket fails alone.
  if (!Array.isArray(response.body)) {
    throw new UpstreamInvalidResponseError('Kapture CRM answered with an unexpected shape (not a list)', details);
  }
  return readAnswer(response.body, numbers, details);
}

/**
 * Matches the answer to the numbers asked for, by each element's own ticket id, so an element for
 * an id not asked is ignored and never served under another. docs/providers/kapture.md: unknown ids are simply
 * absent, so an absent number is NOT_FOUND; an element that fails its shape fails only its own
 * number, and when its id cannot even be read, every absent number may be it and is invalid
 * rather than missing. An id answered twice is invalid for that id alone: whichever copy won, a
 * lying or broken upstream would choose what the client sees, and the copies may disagree.
 */
function readAnswer(
  elements: readonly unknown[],
  numbers: readonly string[],
  details: { provider: 'kapture'; upstreamStatus: number },
): (KaptureTicket | TicketGraphError)[] {
  const byKey = new Map<string, KaptureTicket | TicketGraphError>();
  let unreadable = false;
  for (const element of elements) {
    const parsed = checkShape(kaptureTicketShape, element);
    const key = ticketKey(parsed.success ? parsed.data.task_details.ticketId : idOf(element));
    if (key === null) unreadable = true;
    else if (byKey.has(key)) {
      byKey.set(key, new UpstreamInvalidResponseError(`Kapture CRM answered ticket ${key} more than once`, details));
    } else {
      byKey.set(
        key,
        parsed.success
          ? parsed.data
          : shapeError(`Kapture CRM answered ticket ${key}`, parsed.error, details, NO_TICKET_ID),
      );
    }
  }
  return numbers.map((number) => {
    const key = ticketKey(number) ?? number;
    return (
      byKey.get(key) ??
      (unreadable
        ? shapeError(`Kapture CRM answered ticket ${number}`, undefined, details, NO_TICKET_ID)
        : new NotFoundError(`Kapture CRM has no ticket ${number}`, details))
    );
  });
}

function idOf(element: unknown): unknown {
  const details = (element as { task_details?: unknown } | null)?.task_details;
  return typeof details === 'object' && details !== null ? (details as { ticketId?: unknown }).ticketId : undefined;
}

/**
 * The gateway's own words for a Kapture failure (null: one no document names); the upstream
 * message is only compared, never shown.
 */
function failureError(failure: NamedFailure | null, status: number): TicketGraphError {
  const details = { provider, upstreamStatus: status } as const;
  // docs/providers/kapture.md: the key is missing, wrong, expired or disabled.
  if (failure === 'invalid-auth-key') return new UnauthenticatedError('Kapture CRM rejected the API key', details);
  if (failure === 'malformed-request') {
    return new UpstreamFailedError("Kapture CRM refused the gateway's request as malformed", {
      ...details,
      retryable: false,
    });
  }
  // An answer, not a transport failure: asking again would get the same one.
  return new UpstreamFailedError('Kapture CRM reported a failure reading tickets', { ...details, retryable: false });
}

/** One change to one ticket: the sub-status key it is to have, and a comment to add. */
export interface KaptureUpdate {
  readonly ticketId: string;
  /** `P` pending, `CL` closed, or the ticket's own key (`PS`) to leave its state as it is. */
  readonly subStatus: string;
  readonly comment?: string;
}

/**
 * `POST /update-ticket-from-other-source.html/v.2.0`: a JSON **array** of one
 * `{ticket_id, sub_status, comment?}` (docs/providers/kapture.md, Writes). A write: the upstream
 * client never sends it again once it may have arrived. Resolves once Kapture answers
 * `status: "success"`; its ticket, in another shape than the search's, is not read.
 */
export async function updateTicket(http: UpstreamClient, update: KaptureUpdate, apiKey: string): Promise<void> {
  const response = await http.request({
    method: 'POST',
    path: UPDATE_PATH,
    headers: { authorization: `Basic ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify([
      {
        ticket_id: update.ticketId,
        sub_status: update.subStatus,
        ...(update.comment !== undefined && { comment: update.comment }),
      },
    ]),
    write: true,
  });
  const id = update.ticketId;
  // The message names the failure whatever the HTTP status: the body first. An unnamed failure is
  // read so too: after a write, it says no more than that the change is not known to be made.
  const failure = failureIn(response.body);
  if (failure !== undefined) throw updateFailure(failure, id, response.status);
  if (response.status < 200 || response.status >= 300) {
    const words = {
      refused: 'Kapture CRM rejected the API key',
      noEndpoint: 'Kapture CRM has no update endpoint at the configured base URL',
      failed:
        `Kapture CRM failed while updating ticket ${id} (HTTP ${response.status}); the change may or ` +
        `may not have been made`,
    };
    throw statusError(response, provider, words, true);
  }
  const updated = checkShape(kaptureUpdatedShape, response.body);
  if (!updated.success) {
    throw shapeError(`Kapture CRM answered the update of ticket ${id}, which may have been made,`, updated.error, {
      provider,
      upstreamStatus: response.status,
    });
  }
}

/**
 * The update's `status: "failed"` answers, in the gateway's own words. The documented ones say
 * nothing was changed: a refused key, no such ticket, a malformed request (the gateway sends no
 * `callback_time`, so "Invalid Format." is its own fault). Any other failure is not retryable,
 * and on a 5xx may have come after the change.
 */
function updateFailure(failure: NamedFailure | null, id: string, status: number): TicketGraphError {
  const details = { provider, upstreamStatus: status } as const;
  if (failure === 'invalid-auth-key') return new UnauthenticatedError('Kapture CRM rejected the API key', details);
  if (failure === 'no-data') return new NotFoundError(`Kapture CRM has no ticket ${id}`, details);
  if (failure === 'malformed-request') {
    return new UpstreamFailedError(`Kapture CRM refused the gateway's update of ticket ${id} as malformed`, {
      ...details,
      retryable: false,
    });
  }
  const maybe = status >= 500 ? '; the change may or may not have been made' : '';
  return new UpstreamFailedError(`Kapture CRM reported a failure updating ticket ${id}${maybe}`, {
    ...details,
    retryable: false,
  });
}
