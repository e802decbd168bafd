import {
  TicketGraphError,
  UpstreamFailedError,
  UpstreamInvalidResponseError,
  UpstreamTimeoutError,
} from '../domain/errors.js';
import { errors as undiciErrors } from 'undici';
import { RequestBudgetSpentError } from './byte-budget.js';
import { deadlineSignal } from './deadline-signal.js';
import { neverSent } from './delivery.js';
import { ClientGoneError } from './errors.js';
import type { Send, TimedCall } from './layer.js';
import type { AttemptOutcome, UpstreamOptions, UpstreamRequest, UpstreamResponse } from './types.js';

/** What a caller of a write that may have arrived is told: read the ticket before sending it again. */
const MAY_HAVE_CHANGED = 'the change may have been made';

/**
 * The layer of one try, around the raw send: the try is ended at the call's deadline, or (a
 * read) when the request's client goes; each try is told to the observer and the request's
 * trace; a failure with no answer becomes a gateway error. A read is ended with its client; a
 * write is let finish, so that what it did is known.
 */
export function attemptOnce(send: Send, options: UpstreamOptions): TimedCall {
  const { provider, observer } = options;
  return async (request, endsAt) => {
    const gone = request.trace?.signal;
    if (gone?.aborted) {
      // Not sent: counted as refused, and the provider's health is not judged by it.
      observer?.refused({ provider, reason: 'client_gone', requestId: request.trace?.requestId });
      throw new ClientGoneError(provider);
    }
    const timer = deadlineSignal(endsAt, request.write === true ? undefined : gone);
    const started = performance.now();
    let response: UpstreamResponse;
    try {
      response = await send(request, timer.signal);
    } catch (error) {
      const ended = gone?.aborted && request.write !== true;
      const failure = ended ? new ClientGoneError(provider) : toTransportError(error, timer.signal, options, request);
      report(options, request, started, failure.upstreamStatus, outcomeOf(failure));
      throw failure;
    } finally {
      timer.clear();
    }
    // Outside the try: what the observers do can never turn an answer into a transport error.
    report(options, request, started, response.status, 'answered');
    return response;
  };
}

/** Tells the observer and the request's trace of one try that began at `started`. */
function report(
  { provider, observer }: UpstreamOptions,
  request: UpstreamRequest,
  started: number,
  status: number | undefined,
  outcome: AttemptOutcome,
): void {
  const seconds = (performance.now() - started) / 1000;
  const done = {
    provider,
    method: request.method,
    path: request.path,
    status,
    outcome,
    seconds,
    requestId: request.trace?.requestId,
    write: request.write === true,
  };
  observer?.attempted(done);
  request.trace?.attempted(done);
}

function outcomeOf(error: TicketGraphError): AttemptOutcome {
  if (error instanceof UpstreamTimeoutError) return 'timeout';
  if (error instanceof RequestBudgetSpentError) return 'invalid';
  if (error instanceof ClientGoneError) return 'cancelled';
  return error instanceof UpstreamInvalidResponseError ? 'invalid' : 'unreachable';
}

/**
 * A failure with no answer, as a gateway error. A read may always be tried again. A write may
 * only when nothing was sent (the connection never opened); after a timeout or a connection that
 * closed under it, the upstream may have made the change, so it is not retryable and says so.
 */
function toTransportError(
  error: unknown,
  signal: AbortSignal,
  options: UpstreamOptions,
  request: UpstreamRequest,
): TicketGraphError {
  const { provider } = options;
  if (error instanceof TicketGraphError) return error;
  const mayHaveArrived = request.write === true && !neverSent(error);
  if (
    signal.aborted ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError
  ) {
    return timeoutError(options, error, mayHaveArrived);
  }
  if (mayHaveArrived) {
    return new UpstreamFailedError(`${provider} dropped the connection during the call; ${MAY_HAVE_CHANGED}`, {
      provider,
      retryable: false,
      cause: error,
    });
  }
  return new UpstreamFailedError(`${provider} could not be reached`, { provider, cause: error });
}

function timeoutError(options: UpstreamOptions, cause: unknown, mayHaveArrived: boolean): UpstreamTimeoutError {
  const waited = `${options.provider} did not answer within ${options.timeoutMs} ms`;
  return new UpstreamTimeoutError(mayHaveArrived ? `${waited}; ${MAY_HAVE_CHANGED}` : waited, {
    provider: options.provider,
    retryable: !mayHaveArrived,
    ...(cause !== undefined && { cause }),
  });
}
