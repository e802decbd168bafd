import type { z } from 'zod';
import { checkShape } from '../kit/check-shape.js';
import {
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  TicketClosedError,
  UnauthenticatedError,
  UpstreamFailedError,
  UpstreamInvalidResponseError,
  ValidationError,
  type TicketGraphError,
} from '../../domain/errors.js';
import type { TicketUpdate } from '../../domain/model.js';
import { retryAfterHeader } from '../../upstream/retry-after.js';
import type { UpstreamClient, UpstreamResponse } from '../../upstream/types.js';
import { shapeError } from '../kit/shape-error.js';
import {
  sweeppeaErrorShape,
  sweeppeaSuccessShape,
  type SweeppeaAnswer,
  type SweeppeaErrorBody,
  sweeppeaUpdateShape,
  type SweeppeaUpdateAnswer,
} from './payload.js';
import { readListPage, sweeppeaListShape, type SweeppeaListPage } from './list-payload.js';
import { failureStatus, isSuccess } from './failure-status.js';

const provider = 'sweeppea';

/**
 * The documented 403 "Invalid API Token" is what a wrong key gets, so for our users it is an
 * authentication failure (UNAUTHENTICATED); any other 403 (docs/providers/sweeppea.md: plan limit exceeded,
 * no permission) is FORBIDDEN. Reading the message is the only way to tell them apart.
 */
const INVALID_TOKEN = /invalid\s+api\s+token/i;

/** `POST /tickets/fetchSingleTicket` `{caseNumber}`: the whole answer (the ticket under `Data`), validated. */
export function fetchSingleTicket(http: UpstreamClient, caseNumber: string, apiKey: string): Promise<SweeppeaAnswer> {
  return post(http, {
    path: '/tickets/fetchSingleTicket',
    body: { caseNumber },
    apiKey,
    answer: sweeppeaSuccessShape,
    what: `ticket ${caseNumber}`,
    failed: (response, body) => errorFor(response, body, `ticket ${caseNumber}`),
  });
}

/** Sweeppea's two lists: its open tickets and its closed ones, one endpoint each. */
export type SweeppeaList = 'open' | 'closed';

const LIST_PATHS: Readonly<Record<SweeppeaList, string>> = {
  open: '/tickets/fetchOpenTickets',
  closed: '/tickets/fetchClosedTickets',
};

/**
 * `POST /tickets/fetchOpenTickets` or `/tickets/fetchClosedTickets` `{search?, page}`: one page of
 * 20 summaries, newest created first (docs/providers/sweeppea.md, Lists), checked to be the page
 * asked for (readListPage). A read: the upstream client retries it when Sweeppea is busy (503).
 */
export async function fetchTicketList(
  http: UpstreamClient,
  list: SweeppeaList,
  ask: { readonly page: number; readonly search?: string },
  apiKey: string,
): Promise<SweeppeaListPage> {
  const what = `page ${ask.page} of its ${list} tickets`;
  const answer = await post(http, {
    path: LIST_PATHS[list],
    body: { ...(ask.search !== undefined && { search: ask.search }), page: ask.page },
    apiKey,
    answer: sweeppeaListShape,
    what,
    failed: (response, body) => listErrorFor(response, body, what),
  });
  const page = readListPage(answer, ask.page);
  if (typeof page === 'string') {
    throw new UpstreamInvalidResponseError(`Sweeppea answered ${what} with ${page}`, { provider });
  }
  return page;
}

/** The documented 400 for a closed ticket; its other 400s are about the input. */
const CLOSED = /cannot update closed ticket/i;

/** The documented 400 for an update with neither field: the input as a whole, no one field, is at fault. */
const NO_FIELD = /at\s+least\s+one\s+field/i;

/**
 * `POST /tickets/update` `{CaseId, Title?, Description?}`: only the fields being changed are
 * sent. A write: the upstream client never retries it once it may have been sent.
 */
export function updateTicket(
  http: UpstreamClient,
  update: TicketUpdate,
  apiKey: string,
): Promise<SweeppeaUpdateAnswer> {
  return post(http, {
    path: '/tickets/update',
    body: {
      CaseId: update.number,
      ...(update.title !== undefined && { Title: update.title }),
      ...(update.description !== undefined && { Description: update.description }),
    },
    apiKey,
    write: true,
    answer: sweeppeaUpdateShape,
    what: `the update of ticket ${update.number}`,
    failed: (response, body) => writeErrorFor(response, body, update.number, 'update'),
  });
}

/**
 * `POST /tickets/resolve` `{CaseId}`: closes an open ticket (docs/providers/sweeppea.md, Writes).
 * Its answer has the fetch's shape, `Data` holding a few of the ticket's fields. A write: never
 * sent again once it may have arrived. Its 404, "Ticket Not Found or Already Closed", is one answer
 * for both, and is NOT_FOUND here; the provider tells the two apart.
 */
export function resolveTicket(http: UpstreamClient, caseNumber: string, apiKey: string): Promise<SweeppeaAnswer> {
  return post(http, {
    path: '/tickets/resolve',
    body: { CaseId: caseNumber },
    apiKey,
    write: true,
    answer: sweeppeaSuccessShape,
    what: `the close of ticket ${caseNumber}, which may have been made,`,
    failed: (response, body) => writeErrorFor(response, body, caseNumber, 'close'),
  });
}

/** One call to a Sweeppea endpoint, and how to read its answer. */
interface SweeppeaCall<Answer> {
  readonly path: string;
  /** Sent as JSON. */
  readonly body: object;
  readonly apiKey: string;
  /** A write, which the upstream client never sends again once it may have arrived. */
  readonly write?: true;
  /** The shape of a successful answer. */
  readonly answer: z.ZodType<Answer, Answer>;
  /** What was answered, for the message of an answer of another shape: `ticket 2650478`. */
  readonly what: string;
  /** The error for an answer that is one, with Sweeppea's error document when it sent one. */
  readonly failed: (response: UpstreamResponse, body: SweeppeaErrorBody | undefined) => TicketGraphError;
}

/**
 * A JSON POST with the Bearer key. docs/providers/sweeppea.md: errors may come as `Response: false`
 * whatever the HTTP status says, so an answer is an error by its status or by its body.
 */
async function post<Answer>(http: UpstreamClient, call: SweeppeaCall<Answer>): Promise<Answer> {
  const response = await http.request({
    method: 'POST',
    path: call.path,
    headers: { authorization: `Bearer ${call.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(call.body),
    ...(call.write && { write: true }),
  });
  const failure = checkShape(sweeppeaErrorShape, response.body);
  if (!isSuccess(response.status) || failure.success) {
    throw call.failed(response, failure.success ? failure.data : undefined);
  }
  const parsed = checkShape(call.answer, response.body);
  if (!parsed.success) {
    throw shapeError(`Sweeppea answered ${call.what}`, parsed.error, { provider, upstreamStatus: response.status });
  }
  return parsed.data;
}

/**
 * The documented errors of the two writes, update and close, whatever HTTP status they came with
 * (failureStatus). A 400 is the closed ticket (update) or an input Sweeppea refuses, named by the
 * field its message mentions (resolve's "Missing Required Field: CaseId is required" names the
 * number; "At least one field (Title or Description)" names none, so `input`, the whole); a 404 of
 * resolve is "Ticket Not Found or Already Closed". Any other answer in Sweeppea's error document
 * that is not its server failing is a refusal: nothing was done, though sending it again would
 * only be refused again. A 5xx, or an answer that is not Sweeppea's, may come after the change was
 * made, so it is not called retryable: the caller should read the ticket before trying again
 * (docs/providers/sweeppea.md, Errors). Sweeppea's own messages are matched, never shown.
 */
function writeErrorFor(
  response: UpstreamResponse,
  body: SweeppeaErrorBody | undefined,
  caseNumber: string,
  write: 'update' | 'close',
): TicketGraphError {
  const message = body?.Message ?? '';
  const status = failureStatus(response, body);
  const details = { provider, upstreamStatus: response.status } as const;
  if (CLOSED.test(message))
    return new TicketClosedError(`Sweeppea ticket ${caseNumber} is closed and cannot be updated`, details);
  if (status === 400 && NO_FIELD.test(message)) {
    return new ValidationError(
      `Sweeppea refused the ${write} of ticket ${caseNumber}: it takes a title, a description or both`,
      { ...details, field: 'input' },
    );
  }
  if (status === 400) {
    const field = /title/i.test(message)
      ? 'title'
      : /description/i.test(message)
        ? 'description'
        : /caseid/i.test(message)
          ? 'number'
          : 'input';
    return new ValidationError(`Sweeppea refused the ${write} of ticket ${caseNumber} (${field})`, {
      ...details,
      field,
    });
  }
  if (status === 404 && write === 'close') {
    return new NotFoundError(
      `Sweeppea has no open ticket ${caseNumber} to close: it is missing or closed already`,
      details,
    );
  }
  if (status === 403 && !INVALID_TOKEN.test(message)) {
    return new ForbiddenError(`Sweeppea does not let this API key ${write} ticket ${caseNumber}`, details);
  }
  // 401, the invalid-token 403, 404 and 429 mean what they mean on reads.
  if ([401, 403, 404, 429].includes(status)) return errorFor(response, body, `ticket ${caseNumber}`);
  // A 503 is Sweeppea's "busy" (nothing was done) only in its own error document; an empty or
  // HTML 503 is a proxy's, which cannot say whether the write reached Sweeppea.
  if (status === 503 && body !== undefined) return errorFor(response, body, `ticket ${caseNumber}`);
  // `Response: false` from Sweeppea itself, not its server failing: a refusal in words the gateway does not know.
  if (body !== undefined && !(status >= 500)) {
    return new UpstreamFailedError(
      `Sweeppea refused the ${write} of ticket ${caseNumber} for a reason the gateway does not know; nothing was changed`,
      { ...details, retryable: false },
    );
  }
  const doing = write === 'update' ? 'updating' : 'closing';
  return new UpstreamFailedError(
    `Sweeppea failed while ${doing} ticket ${caseNumber}; the change may or may not have been made`,
    { ...details, retryable: false },
  );
}

/**
 * A list call's errors read as a ticket read's, but for 400 and 404: the gateway sends only pages
 * from 1 and endpoints that exist, so either is Sweeppea failing, not the caller, and no list is
 * "not found". Not retryable: the same call would get the same answer.
 */
function listErrorFor(response: UpstreamResponse, body: SweeppeaErrorBody | undefined, what: string): TicketGraphError {
  const status = failureStatus(response, body);
  if (status === 400 || status === 404) {
    return new UpstreamFailedError(`Sweeppea refused ${what}`, {
      provider,
      upstreamStatus: response.status,
      retryable: false,
    });
  }
  return errorFor(response, body, what);
}

/**
 * The HTTP status decides; when it claims success, the body's `Code`, else its message
 * (failureStatus). `what` was asked: `ticket 2650478`.
 */
function errorFor(response: UpstreamResponse, body: SweeppeaErrorBody | undefined, what: string): TicketGraphError {
  const status = failureStatus(response, body);
  const details = { provider, upstreamStatus: response.status } as const;
  switch (status) {
    case 401:
      return new UnauthenticatedError('Sweeppea rejected the API key', details);
    case 403:
      return INVALID_TOKEN.test(body?.Message ?? '')
        ? new UnauthenticatedError('Sweeppea rejected the API key', details)
        : new ForbiddenError(`Sweeppea refused access to ${what} (permission or plan limit)`, details);
    case 404:
      // "Ticket Not Found or Access Denied": another account's ticket looks like a missing one.
      return new NotFoundError(`Sweeppea has no ${what}`, details);
    case 429:
      return new RateLimitedError('Sweeppea rate limit reached', {
        ...details,
        retryAfter: retryAfterHeader(response),
      });
    case 503:
      // docs/providers/sweeppea.md: each endpoint serves one request at a time; busy is 503 and worth a retry.
      return new UpstreamFailedError('Sweeppea is busy serving another request', {
        ...details,
        retryable: true,
        retryAfter: retryAfterHeader(response),
      });
    default:
      return new UpstreamFailedError(`Sweeppea failed to read ${what}`, {
        ...details,
        retryable: Number.isInteger(status) && status >= 500,
      });
  }
}
