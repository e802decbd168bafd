import type { ProviderName } from './model.js';

/** The stable codes a client may branch on (`extensions.code`). */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_INVALID_RESPONSE'
  | 'PROVIDER_DISABLED'
  // Only in updateTicket's result union, never in a query's errors:
  | 'TICKET_CLOSED'
  | 'UNSUPPORTED';

/**
 * The codes of a provider failing rather than refusing: what the log reports at warn and what
 * the mutations' `UpstreamError` member carries.
 */
export const UPSTREAM_FAILURE_CODES = [
  'RATE_LIMITED',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_ERROR',
  'UPSTREAM_INVALID_RESPONSE',
] as const satisfies readonly ErrorCode[];
export type UpstreamFailureCode = (typeof UPSTREAM_FAILURE_CODES)[number];

export interface ErrorDetails {
  readonly provider?: ProviderName;
  /** The HTTP status the upstream answered with, when there was an answer. */
  readonly upstreamStatus?: number;
  /** Seconds the upstream asked us to wait before trying again. */
  readonly retryAfter?: number;
  readonly cause?: unknown;
}

/**
 * The base of every expected error. Its message is safe to show a client: it never
 * holds a credential or an upstream body.
 */
export abstract class TicketGraphError extends Error {
  abstract readonly code: ErrorCode;
  /** Whether the same call may succeed if tried again later. */
  abstract readonly retryable: boolean;
  readonly provider: ProviderName | undefined;
  readonly upstreamStatus: number | undefined;
  readonly retryAfter: number | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.provider = details.provider;
    this.upstreamStatus = details.upstreamStatus;
    this.retryAfter = details.retryAfter;
  }

  /** The GraphQL `extensions` of this error. */
  get extensions(): Record<string, unknown> {
    return {
      code: this.code,
      ...(this.provider && { provider: this.provider }),
      ...(this.upstreamStatus !== undefined && { upstreamStatus: this.upstreamStatus }),
      retryable: this.retryable,
      ...(this.retryAfter !== undefined && { retryAfter: this.retryAfter }),
    };
  }
}

export class NotFoundError extends TicketGraphError {
  readonly code = 'NOT_FOUND';
  readonly retryable = false;
}

export class UnauthenticatedError extends TicketGraphError {
  readonly code = 'UNAUTHENTICATED';
  readonly retryable = false;
}

export class ForbiddenError extends TicketGraphError {
  readonly code = 'FORBIDDEN';
  readonly retryable = false;
}

export class BadUserInputError extends TicketGraphError {
  readonly code = 'BAD_USER_INPUT';
  readonly retryable = false;
}

/** An input the gateway refuses, naming the input field at fault (`title`, `id`, …). */
export class ValidationError extends BadUserInputError {
  readonly field: string;
  constructor(message: string, details: ErrorDetails & { field: string }) {
    super(message, details);
    this.field = details.field;
  }
}

/** The provider refuses to change a closed ticket. */
export class TicketClosedError extends TicketGraphError {
  readonly code = 'TICKET_CLOSED';
  readonly retryable = false;
}

/** The gateway cannot do this with that provider (no write API, or not enabled). */
export class UnsupportedError extends TicketGraphError {
  readonly code = 'UNSUPPORTED';
  readonly retryable = false;
}

/** An upstream failure that may pass if tried again, unless its thrower says otherwise (`retryable: false`). */
abstract class RetryableUnlessSaidError extends TicketGraphError {
  readonly retryable: boolean;
  constructor(message: string, details: ErrorDetails & { retryable?: boolean } = {}) {
    super(message, details);
    this.retryable = details.retryable ?? true;
  }
}

/**
 * What an upstream's answer said of its rate limit (HostUp v2's `X-RateLimit-Limit`, `-Remaining`
 * and `-Reset`), each as sent; absent where it said nothing.
 */
export interface RateLimitWindow {
  /** Calls the window allows. */
  readonly limit?: number;
  /** Calls left in it. */
  readonly remaining?: number;
  /** When it starts again, as the upstream writes it (epoch seconds or seconds from now: not every upstream says). */
  readonly reset?: number;
}

export class RateLimitedError extends TicketGraphError {
  readonly code = 'RATE_LIMITED';
  readonly retryable = true;
  /** The upstream's rate-limit window, for logs and metrics; not part of `extensions`. */
  readonly rateLimit: RateLimitWindow | undefined;

  constructor(message: string, details: ErrorDetails & { rateLimit?: RateLimitWindow } = {}) {
    super(message, details);
    this.rateLimit = details.rateLimit;
  }
}

/**
 * The upstream did not answer in time. Retryable unless the call was a write that may have
 * arrived: a change the upstream may have made must be read back, not sent again blindly.
 */
export class UpstreamTimeoutError extends RetryableUnlessSaidError {
  readonly code = 'UPSTREAM_TIMEOUT';
}

/**
 * UPSTREAM_ERROR: the provider failed (a 5xx, an error it names) or could not be reached. Not the
 * GraphQL `UpstreamError` type, which carries any of `UPSTREAM_FAILURE_CODES`.
 */
export class UpstreamFailedError extends RetryableUnlessSaidError {
  readonly code = 'UPSTREAM_ERROR';
}

export class UpstreamInvalidResponseError extends TicketGraphError {
  readonly code = 'UPSTREAM_INVALID_RESPONSE';
  readonly retryable = false;
}

export class ProviderDisabledError extends TicketGraphError {
  readonly code = 'PROVIDER_DISABLED';
  readonly retryable = false;
}

/** Whether `error` is the provider failing (one of `UPSTREAM_FAILURE_CODES`). */
export function isUpstreamFailure(error: TicketGraphError): error is TicketGraphError & { code: UpstreamFailureCode } {
  return (UPSTREAM_FAILURE_CODES as readonly ErrorCode[]).includes(error.code);
}

/**
 * The error an upstream HTTP status stands for, for providers whose status codes carry
 * the usual meaning. `message` must be the gateway's own words, never the upstream body.
 */
export function errorForUpstreamStatus(
  status: number,
  message: string,
  details: ErrorDetails & { provider: ProviderName },
): TicketGraphError {
  const withStatus = { ...details, upstreamStatus: status };
  if (status === 401) return new UnauthenticatedError(message, withStatus);
  if (status === 403) return new ForbiddenError(message, withStatus);
  if (status === 404) return new NotFoundError(message, withStatus);
  if (status === 429) return new RateLimitedError(message, withStatus);
  return new UpstreamFailedError(message, { ...withStatus, retryable: status >= 500 });
}

/**
 * What was thrown while reading a provider, as a gateway error of that provider. A gateway error
 * passes as it is. Any other Error (a TypeError in a mapper) means a payload passed its shape check
 * and still could not be read: the ticket is UPSTREAM_INVALID_RESPONSE at its own path, named
 * by the error's kind only, rather than a masked "Unexpected error". A non-Error throw is an
 * UPSTREAM_ERROR.
 */
export function asError(error: unknown, provider: ProviderName): TicketGraphError {
  if (error instanceof TicketGraphError) return error;
  if (error instanceof Error) {
    return new UpstreamInvalidResponseError(`The ${provider} answer could not be read (${error.name})`, {
      provider,
      cause: error,
    });
  }
  return new UpstreamFailedError('The upstream call failed', { provider, cause: error });
}
