import {
  ForbiddenError,
  NotFoundError,
  type RateLimitWindow,
  RateLimitedError,
  TicketClosedError,
  type TicketGraphError,
  UnauthenticatedError,
  UnsupportedError,
  UpstreamFailedError,
  ValidationError,
} from '../../../domain/errors.js';
import { retryAfterHeader } from '../../../upstream/retry-after.js';
import type { UpstreamResponse } from '../../../upstream/types.js';
import { checkShape } from '../../kit/check-shape.js';
import { hostupProblemShape } from './payload.js';
import { z } from 'zod';

const provider = 'hostup';

/** What a v2 call was for: reading a ticket, or one of the three writes. */
export type HostupV2Call = 'read' | 'reply' | 'close' | 'reopen';

/** The call in the gateway's words: `HostUp failed to close ticket 616828`. */
const DOING: Readonly<Record<HostupV2Call, string>> = {
  read: 'read',
  reply: 'add a reply to',
  close: 'close',
  reopen: 'reopen',
};

/** The routes of the writes, for "HostUp's API has no close action". */
const ACTION: Readonly<Record<Exclude<HostupV2Call, 'read'>, string>> = {
  reply: 'reply (messages)',
  close: 'close',
  reopen: 'reopen',
};

/**
 * The code of a missing ticket. docs/providers/hostup.md: a route the API lacks answers 404 or 405
 * with another code (unconfirmed), so "no such ticket" and "no such action" stay apart.
 */
const MISSING_TICKET = 'not_found';

/** Whether a body is an RFC 7807 problem document with a `code`. */
export function isProblem(body: unknown): boolean {
  return checkShape(hostupProblemShape, body).success;
}

/**
 * The error a v2 answer stands for. The problem document's `code` decides, never its `detail` nor
 * the HTTP status it came with (docs/providers/hostup.md, v2 errors); an answer without a problem
 * document, or with a code the gateway does not know, falls back on the HTTP status.
 */
export function problemError(response: UpstreamResponse, call: HostupV2Call, number: string): TicketGraphError {
  // A write answered with a 5xx, or an error inside a 2xx, may have been made whatever code it
  // names (a `rate_limited` on a 503 included): it is never called retryable.
  if (call !== 'read' && (response.status >= 500 || response.status < 400)) return byStatus(response, call, number);
  const problem = checkShape(hostupProblemShape, response.body);
  const details = { provider, upstreamStatus: response.status } as const;
  switch (problem.success ? problem.data.code : undefined) {
    case 'unauthorized':
      return new UnauthenticatedError('HostUp rejected the API token', details);
    case 'forbidden':
      return forbidden(call, number, details);
    case MISSING_TICKET:
      return new NotFoundError(`HostUp has no ticket ${number}`, details);
    case 'rate_limited':
      return rateLimited(response);
    case 'ticket_closed':
      return new TicketClosedError(`HostUp ticket ${number} is closed; it must be reopened first`, details);
    case 'invalid_request':
      return call === 'reply'
        ? new ValidationError(`HostUp refused the reply to ticket ${number} as invalid`, { ...details, field: 'body' })
        : new UpstreamFailedError(`HostUp refused the request to ${DOING[call]} ticket ${number} as invalid`, {
            ...details,
            retryable: false,
          });
    default:
      return byStatus(response, call, number);
  }
}

function byStatus(response: UpstreamResponse, call: HostupV2Call, number: string): TicketGraphError {
  const { status } = response;
  const details = { provider, upstreamStatus: status } as const;
  if (status === 401) return new UnauthenticatedError('HostUp rejected the API token', details);
  if (status === 403) return forbidden(call, number, details);
  if (status === 429) return rateLimited(response);
  if (status === 404 || status === 405) {
    // Not the missing-ticket code: the route is what is missing.
    return call === 'read'
      ? new UpstreamFailedError(`HostUp has no v2 ticket route at the configured base URL (HTTP ${status})`, {
          ...details,
          retryable: false,
        })
      : new UnsupportedError(`HostUp's API has no ${ACTION[call]} action (HTTP ${status})`, details);
  }
  if (status === 409 && call === 'reopen') {
    return new ValidationError(`HostUp ticket ${number} is not closed, so it cannot be reopened`, {
      ...details,
      field: 'id',
    });
  }
  if (call !== 'read' && (status >= 500 || status < 400)) {
    // A server error, or an error document with a success status: the change may have been made
    // before it failed, so it is not called retryable; the ticket should be read first.
    return new UpstreamFailedError(
      `HostUp failed while trying to ${DOING[call]} ticket ${number}; the change may have been made`,
      { ...details, retryable: false },
    );
  }
  return new UpstreamFailedError(`HostUp failed to ${DOING[call]} ticket ${number}`, {
    ...details,
    retryable: status >= 500,
    retryAfter: retryAfterHeader(response),
  });
}

function forbidden(
  call: HostupV2Call,
  number: string,
  details: { provider: 'hostup'; upstreamStatus: number },
): ForbiddenError {
  return call === 'read'
    ? new ForbiddenError(`HostUp refused access to ticket ${number}`, details)
    : new ForbiddenError(
        `HostUp does not let this token ${DOING[call]} ticket ${number} (writes need the write:support scope)`,
        details,
      );
}

/** The codes a list answer is read by. */
const LIST_CODES: ReadonlySet<string> = new Set([
  'unauthorized',
  'forbidden',
  'rate_limited',
  'invalid_request',
  MISSING_TICKET,
]);

/** A problem document with the fields it refused (`errors[].field`), as a 400 has it. */
const fieldProblemShape = hostupProblemShape.extend({ errors: z.array(z.object({ field: z.string() })).nullish() });

/**
 * The error a list answer stands for, as `problemError` reads one (docs/providers/hostup.md,
 * Lists): the problem's `code` first, then the HTTP status. A 400 that refuses the `cursor` alone
 * is HostUp no longer taking a cursor it issued (the walk sends no other), which the client can
 * only answer by starting again: BAD_USER_INPUT on `after`. A missing route (404, 405, or the
 * missing-ticket code here) points at the configuration.
 */
export function listProblemError(response: UpstreamResponse): TicketGraphError {
  const problem = checkShape(fieldProblemShape, response.body);
  const details = { provider, upstreamStatus: response.status } as const;
  // A code the gateway does not know leaves the HTTP status to decide, as for reads.
  const said = problem.success ? problem.data.code : undefined;
  const code = said !== undefined && LIST_CODES.has(said) ? said : undefined;
  const refused = problem.success ? (problem.data.errors ?? []).map((error) => error.field) : [];
  const { status } = response;
  if (code === 'unauthorized' || (code === undefined && status === 401)) {
    return new UnauthenticatedError('HostUp rejected the API token', details);
  }
  if (code === 'forbidden' || (code === undefined && status === 403)) {
    return new ForbiddenError(
      'HostUp refused to list tickets with this token (listing needs the read:support scope)',
      details,
    );
  }
  if (code === 'rate_limited' || (code === undefined && status === 429)) return rateLimited(response);
  if (code === 'invalid_request' && refused.length > 0 && refused.every((field) => field === 'cursor')) {
    return new ValidationError(
      'HostUp no longer takes the list position this cursor holds; list from the first page again',
      {
        ...details,
        field: 'after',
      },
    );
  }
  if (code === MISSING_TICKET || status === 404 || status === 405) {
    return new UpstreamFailedError(`HostUp has no v2 ticket list at the configured base URL (HTTP ${status})`, {
      ...details,
      retryable: false,
    });
  }
  return new UpstreamFailedError('HostUp failed to list tickets', {
    ...details,
    retryable: status >= 500,
    retryAfter: retryAfterHeader(response),
  });
}

/** A 429: the wait from `Retry-After`, and what the `X-RateLimit-*` headers say of the window. */
function rateLimited(response: UpstreamResponse): RateLimitedError {
  return new RateLimitedError('HostUp rate limit reached', {
    provider,
    upstreamStatus: response.status,
    retryAfter: retryAfterHeader(response),
    rateLimit: rateLimitOf(response),
  });
}

/** `X-RateLimit-Limit`, `-Remaining` and `-Reset`, each a whole number as sent; undefined when none is. */
export function rateLimitOf(response: UpstreamResponse): RateLimitWindow | undefined {
  const read = (name: string): number | undefined => {
    const value = response.headers[`x-ratelimit-${name}`];
    const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
    return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
  };
  const window = { limit: read('limit'), remaining: read('remaining'), reset: read('reset') };
  const said = Object.entries(window).filter(([, value]) => value !== undefined);
  return said.length === 0 ? undefined : Object.fromEntries(said);
}
