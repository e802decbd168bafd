import { checkShape } from '../kit/check-shape.js';
import {
  NotFoundError,
  TicketClosedError,
  UpstreamFailedError,
  ValidationError,
  type TicketGraphError,
} from '../../domain/errors.js';
import { FormData } from 'undici';
import type { UpstreamClient, UpstreamResponse } from '../../upstream/types.js';
import { shapeError } from '../kit/shape-error.js';
import { statusError, type StatusErrorWords } from '../kit/status-error.js';
import { keliwebErrorShape, keliwebReplyAddedShape, keliwebTicketShape, type KeliwebTicket } from './payload.js';

const provider = 'keliweb';
export const GET_TICKET_PATH = '/api/v2/keliweb/get-ticket';
export const ADD_TICKET_REPLY_PATH = '/api/v2/keliweb/add-ticket-reply';
/**
 * docs/providers/keliweb.md: WHMCS's answer when no ticket has that number or id, with HTTP 200
 * (`GetTicket` writes "Not Found", `AddTicketReply` "not found"; matched case-blind).
 */
const NOT_FOUND_MESSAGE = 'ticket id not found';
/** AddTicketReply's "Message is required": the reply's body, which the gateway sends as `message`. */
const NO_MESSAGE = 'message is required';
/**
 * AddTicketReply's refusals about whose reply it is: fields the gateway never sends, which
 * Keliweb fills in from the API's account; they say the account, not the reply, is at fault.
 */
const NO_AUTHOR = new Set([
  'client id not found',
  'contact id not found',
  'name and email address are required if not a client',
]);
/**
 * Authorization and X-Requested-With, as the documented request sends them
 * (docs/providers/keliweb.md; see getTicket).
 */
const headersFor = (accessToken: string) => ({
  authorization: `Bearer ${accessToken}`,
  'x-requested-with': 'XMLHttpRequest',
});

/**
 * `POST /api/v2/keliweb/get-ticket` with the multipart form of the documented request: `ticketnum` (the number
 * users see) and `repliessort`. Returns the whole WHMCS answer, validated.
 */
export async function getTicket(http: UpstreamClient, number: string, accessToken: string): Promise<KeliwebTicket> {
  // undici's FormData, the type UpstreamRequest takes; undici encodes it as multipart/form-data.
  const form = new FormData();
  form.append('ticketnum', number);
  // The mapper orders replies itself; ASC is WHMCS's default, sent explicitly as docs/providers/keliweb.md says.
  form.append('repliessort', 'ASC');
  const response = await http.request({
    method: 'POST',
    path: GET_TICKET_PATH,
    // X-Requested-With as the documented request sends it (docs/providers/keliweb.md): it makes
    // Laravel answer a bad token with a JSON 401
    // instead of redirecting to a login page. No content-type: undici sets it with the boundary.
    headers: headersFor(accessToken),
    body: form,
  });
  const details = { provider, upstreamStatus: response.status } as const;
  // docs/providers/keliweb.md: check the body, not only the status: WHMCS errors come with HTTP 200.
  const failure = checkShape(keliwebErrorShape, response.body);
  if (failure.success) throw whmcsError(failure.data.message, number, response.status);
  // Laravel Passport answers a missing, expired or revoked token with 401 `{"message":"Unauthenticated."}`;
  // a 404 is Laravel's "route not found".
  if (!isSuccess(response)) {
    throw statusError(response, provider, {
      refused: 'Keliweb rejected the access token',
      noEndpoint: 'Keliweb has no get-ticket endpoint at the configured base URL',
      failed: `Keliweb failed to read ticket ${number}`,
    });
  }
  const parsed = checkShape(keliwebTicketShape, response.body);
  if (!parsed.success) {
    throw shapeError(`Keliweb answered ticket ${number}`, parsed.error, details);
  }
  return parsed.data;
}

/** The gateway's own words for a WHMCS error; the upstream message is only compared, never shown. */
function whmcsError(message: unknown, number: string, status: number): TicketGraphError {
  const details = { provider, upstreamStatus: status } as const;
  if (typeof message === 'string' && message.trim().toLowerCase() === NOT_FOUND_MESSAGE) {
    return new NotFoundError(`Keliweb has no ticket ${number}`, details);
  }
  return new UpstreamFailedError(`Keliweb reported an error reading ticket ${number}`, {
    ...details,
    retryable: status >= 500,
  });
}

/** A reply to send: the ticket's internal id (docs/providers/keliweb.md, Writes), its number for messages, the text. */
export interface KeliwebReplyInput {
  readonly ticketid: string;
  readonly number: string;
  readonly message: string;
}

/**
 * `POST /api/v2/keliweb/add-ticket-reply`, a url-encoded form of `ticketid` and `message` (the
 * form Keliweb's own PHP examples send; docs/providers/keliweb.md): a multipart form would turn
 * every line break of the message into \r\n, where url-encoding sends it as given. Adds the
 * reply as the API's user. A write: the upstream client never sends it again once it may have
 * arrived. Resolves once Keliweb answers `{result: "success"}`; anything else throws.
 */
export async function addTicketReply(
  http: UpstreamClient,
  reply: KeliwebReplyInput,
  accessToken: string,
): Promise<void> {
  const form = new URLSearchParams({ ticketid: reply.ticketid, message: reply.message });
  const response = await http.request({
    method: 'POST',
    path: ADD_TICKET_REPLY_PATH,
    headers: { ...headersFor(accessToken), 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    write: true,
  });
  // As on get-ticket, WHMCS's own errors come with HTTP 200: the body first.
  const failure = checkShape(keliwebErrorShape, response.body);
  if (failure.success) throw replyError(failure.data.message, reply.number, response.status);
  if (!isSuccess(response)) throw statusError(response, provider, replyWords(reply.number), true);
  const added = checkShape(keliwebReplyAddedShape, response.body);
  if (!added.success) {
    throw shapeError(`Keliweb answered the reply to ticket ${reply.number}, which may have been added,`, added.error, {
      provider,
      upstreamStatus: response.status,
    });
  }
}

const isSuccess = (response: UpstreamResponse): boolean => response.status >= 200 && response.status < 300;

function replyWords(number: string): StatusErrorWords {
  return {
    refused: 'Keliweb rejected the access token',
    noEndpoint: 'Keliweb has no add-ticket-reply endpoint at the configured base URL',
    failed: `Keliweb failed while adding the reply to ticket ${number}; it may or may not have been added`,
  };
}

/**
 * AddTicketReply's documented errors (docs/providers/keliweb.md, Writes), in the gateway's own
 * words. Each documented one says nothing was added. A refusal that names the ticket closed
 * (WHMCS itself accepts replies to closed tickets; an installation may not) is TICKET_CLOSED.
 * Any other error came after the reply was sent, and may come after it was stored: not retryable.
 */
function replyError(message: unknown, number: string, status: number): TicketGraphError {
  const key = typeof message === 'string' ? message.trim().toLowerCase() : '';
  const details = { provider, upstreamStatus: status } as const;
  if (key === NOT_FOUND_MESSAGE) return new NotFoundError(`Keliweb has no ticket ${number}`, details);
  if (key === NO_MESSAGE) {
    return new ValidationError(`Keliweb refused an empty reply to ticket ${number}`, { ...details, field: 'body' });
  }
  if (/\bclosed\b/.test(key)) return new TicketClosedError(`Keliweb ticket ${number} is closed to replies`, details);
  if (NO_AUTHOR.has(key)) {
    return new UpstreamFailedError(
      `Keliweb could not tell whose reply to ticket ${number} it is (the API account's setup); nothing was added`,
      { ...details, retryable: false },
    );
  }
  return new UpstreamFailedError(
    `Keliweb reported an error adding the reply to ticket ${number}; it may or may not have been added`,
    { ...details, retryable: false },
  );
}
