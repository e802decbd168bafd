import { setTimeout as sleep } from 'node:timers/promises';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import {
  TicketGraphError,
  UpstreamError,
  UpstreamInvalidResponseError,
  UpstreamTimeoutError,
} from '../domain/errors.js';
import { CircuitBreaker, type CallHealth } from './breaker.js';
import { RequestBudgetSpentError, type ByteBudget } from './byte-budget.js';
import { createFairLimit, LimitClosed, SlotWaitExpired, WaitAbandoned } from './fair-limit.js';
import { hasMoreContainersThan } from './json-containers.js';
import { retryAfterHeader } from './retry-after.js';
import type { AttemptOutcome, UpstreamClient, UpstreamOptions, UpstreamRequest, UpstreamResponse } from './types.js';

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Largest header block read, undici's and Node's own default, stated so the refusal can say it. */
const MAX_HEADER_BYTES = 16 * 1024;
const DEFAULT_QUEUE_TIMEOUT_MS = 30_000;
/** Answers a read is sent again for: rate limited, and the gateway-ish 5xx that mean "not now". */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
/** Five unhealthy calls in a row open a provider's circuit for 30 s. */
const DEFAULT_BREAKER = { failureThreshold: 5, coolDownMs: 30_000 };
/** The longest Retry-After the client waits out itself; a longer one goes back to the caller. */
const MAX_RETRY_WAIT_MS = 5_000;

/** When the call's deadline ends (epoch ms): set when it gets a slot. */
interface Deadline {
  readonly endsAt: number;
}

/** UPSTREAM_INVALID_RESPONSE for an answer whose headers or body are past our caps, not read. */
class AnswerTooLargeError extends UpstreamInvalidResponseError {}

/** A call dropped, or a read ended, because the client of its request went away. */
class ClientGoneError extends UpstreamError {}

/**
 * A signal that aborts after `ms`, or when `also` aborts, and `clear` to drop its timer and
 * listener once the call is over. Not AbortSignal.timeout: that is slow to make on Node 20 and
 * keeps its timer for the whole span, so a busy gateway held thousands of them (README,
 * Performance).
 */
function timeoutSignal(ms: number, also?: AbortSignal): { readonly signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation timed out', 'TimeoutError')),
    ms,
  ).unref();
  const abort = () => controller.abort(also?.reason);
  also?.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      also?.removeEventListener('abort', abort);
    },
  };
}

/**
 * An undici Pool for one provider's origin, behind a process-wide concurrency limit whose slots
 * go to the requests waiting in turn (fair-limit.ts), so one request's hundred calls cannot hold
 * a provider from the others.
 *
 * Two clocks bound a call. Waiting for a slot under the limit is bounded by `queueTimeoutMs`;
 * the call's own deadline, `timeoutMs`, starts only when it holds a slot. With Sweeppea's limit
 * of one, a query for ten tickets queues nine calls behind the first: charging the queue to each
 * call's deadline would time out healthy calls that never reached the upstream.
 */
export function createUpstreamClient(options: UpstreamOptions): UpstreamClient {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  const pool = new Pool(base.origin, {
    connections: options.maxConcurrency,
    keepAliveTimeout: 10_000,
    connectTimeout: Math.min(options.timeoutMs, 5_000),
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
    ...(options.connect && { connect: options.connect }),
  });
  // Shared by every request of the process, a freed slot going to the waiting requests in turn.
  const limit = createFairLimit(options.maxConcurrency);
  const queueTimeoutMs = options.queueTimeoutMs ?? DEFAULT_QUEUE_TIMEOUT_MS;
  const breaker = new CircuitBreaker(options.breaker ?? DEFAULT_BREAKER);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { provider, observer } = options;

  async function send(request: UpstreamRequest, signal: AbortSignal): Promise<UpstreamResponse> {
    signal.throwIfAborted();
    let response: Dispatcher.ResponseData;
    try {
      response = await pool.request({
        method: request.method,
        path: prefix + request.path,
        headers: { accept: 'application/json', ...request.headers },
        body: request.body ?? null,
        signal,
      });
    } catch (error) {
      // The upstream answered, with more header than we read: an answer we refuse, not an
      // upstream we could not reach.
      if (error instanceof undiciErrors.HeadersOverflowError) {
        const message = `${provider} answered with headers over ${MAX_HEADER_BYTES} bytes`;
        throw new AnswerTooLargeError(message, { provider, cause: error });
      }
      throw error;
    }
    const length = response.headers['content-length'];
    const declared = typeof length === 'string' && /^\d+$/.test(length) ? Number(length) : undefined;
    const limits = { maxBytes: maxBodyBytes, provider, bytes: request.trace?.bytes };
    const text = await readCapped(response.body, declared, limits);
    return {
      status: response.statusCode,
      headers: response.headers,
      body: parseJson(text, response.statusCode, provider),
    };
  }

  /**
   * The request the call was made for has no client any more: nothing more is sent for it, and
   * the provider's health is not judged by it. A call not yet sent is counted as refused.
   */
  function clientGone(request: UpstreamRequest, sent = false): ClientGoneError {
    if (!sent) observer?.refused({ provider, reason: 'client_gone', requestId: request.trace?.requestId });
    return new ClientGoneError(`${provider}: the client went away`, { provider, retryable: true });
  }

  /** One try, within what is left of the call's deadline. */
  async function attempt(request: UpstreamRequest, deadline: Deadline): Promise<UpstreamResponse> {
    const gone = request.trace?.signal;
    if (gone?.aborted) throw clientGone(request);
    // A read is ended with its client; a write is let finish, so that what it did is known.
    const timer = timeoutSignal(Math.max(1, deadline.endsAt - Date.now()), request.write === true ? undefined : gone);
    const started = performance.now();
    const report = (status: number | undefined, outcome: AttemptOutcome) => {
      const seconds = (performance.now() - started) / 1000;
      const done = {
        provider,
        method: request.method,
        path: request.path,
        status,
        outcome,
        seconds,
        requestId: request.trace?.requestId,
      };
      observer?.attempted(done);
      request.trace?.attempted(done);
    };
    let response: UpstreamResponse;
    try {
      response = await send(request, timer.signal);
    } catch (error) {
      const ended = gone?.aborted && request.write !== true;
      const failure = ended ? clientGone(request, true) : toTransportError(error, timer.signal, options, request);
      report(failure.upstreamStatus, outcomeOf(failure));
      throw failure;
    } finally {
      timer.clear();
    }
    // Outside the try: what the observers do can never turn an answer into a transport error.
    report(response.status, 'answered');
    return response;
  }

  /** Throws, sending nothing, once the request the call is made for has read its byte budget. */
  function refuseWhenBudgetSpent(request: UpstreamRequest): void {
    const bytes = request.trace?.bytes;
    if (!bytes?.spent) return;
    observer?.refused({ provider, reason: 'budget_spent', requestId: request.trace?.requestId });
    throw new RequestBudgetSpentError(provider, bytes.limit);
  }

  /** Sleeps `ms` if that ends before the call's deadline; false (at once) if it would not. */
  async function waitWithin(deadline: Deadline, ms: number): Promise<boolean> {
    if (Date.now() + ms >= deadline.endsAt) return false;
    await sleep(ms);
    return true;
  }

  /**
   * The call under the concurrency limit: it waits for a slot up to `queueTimeoutMs`, then holds
   * that slot through its retries and their waits, so a retry never queues again behind others
   * while its deadline runs (and an upstream that asked us to slow down gets no other call of
   * ours meanwhile). The deadline starts when the slot is held.
   */
  async function underLimit(request: UpstreamRequest): Promise<UpstreamResponse> {
    try {
      const retried = () => {
        // Checked again once the slot is held: the request's other calls may have spent it meanwhile.
        refuseWhenBudgetSpent(request);
        return retrying(request, { endsAt: Date.now() + options.timeoutMs });
      };
      // By the request's own trace, not its id: a client chooses its X-Request-Id, and could join
      // another request's turn by sending the same one.
      return await limit.run(request.trace, queueTimeoutMs, retried, request.trace?.signal);
    } catch (error) {
      if (error instanceof WaitAbandoned) throw clientGone(request);
      if (error instanceof SlotWaitExpired) {
        observer?.refused({ provider, reason: 'queue_timeout', requestId: request.trace?.requestId });
        throw new UpstreamTimeoutError(`${provider} is busy: no free call slot within ${queueTimeoutMs} ms`, {
          provider,
          cause: error,
        });
      }
      // Closing rejects the queued calls at once (rather than leaving them to their queue timeout).
      if (error instanceof LimitClosed) {
        observer?.refused({ provider, reason: 'closing', requestId: request.trace?.requestId });
        throw new UpstreamError(`${provider}: the gateway is shutting down`, { provider, retryable: true });
      }
      throw error;
    }
  }

  const retries = options.retries ?? 0;
  let closing: Promise<void> | undefined;
  return {
    provider,
    async request(request) {
      refuseWhenBudgetSpent(request);
      const admission = breaker.admit();
      if (!('done' in admission)) {
        observer?.refused({ provider, reason: 'circuit_open', requestId: request.trace?.requestId });
        const seconds = Math.ceil(admission.refusedForMs / 1000);
        throw new UpstreamError(`${provider} is failing; the gateway is not calling it for ${seconds} s`, {
          provider,
          retryable: true,
          retryAfter: seconds,
        });
      }
      try {
        const response = await underLimit(request);
        admission.done(response.status >= 500 ? 'unhealthy' : 'healthy');
        return response;
      } catch (error) {
        admission.done(healthShownBy(error));
        throw error;
      }
    },
    circuit: () => breaker.snapshot(),
    close(abort = false) {
      limit.clear();
      if (abort) return pool.destroyed ? Promise.resolve() : pool.destroy();
      // Once: a second close waits on the first rather than failing on a destroyed pool.
      closing ??= pool.close();
      return closing;
    },
  };

  /**
   * The call with its retries: a read again after a connection failure or a 429/502/503/504, a
   * write again only when nothing was sent, all within the deadline the first try starts.
   */
  async function retrying(request: UpstreamRequest, deadline: Deadline): Promise<UpstreamResponse> {
    for (let tried = 0; ; tried += 1) {
      let response: UpstreamResponse;
      try {
        response = await attempt(request, deadline);
      } catch (error) {
        const again = tried < retries && error instanceof TicketGraphError && mayTryAgain(error.cause, request);
        if (!again || !(await waitWithin(deadline, backoffMs(tried)))) throw error;
        continue;
      }
      // Only reads are sent again for their status; the provider maps the last answer it got.
      if (request.write === true || tried >= retries || !RETRY_STATUSES.has(response.status)) return response;
      const asked = (request.retryAfterOf ?? retryAfterHeader)(response);
      const waitMs = asked === undefined ? backoffMs(tried) : asked * 1000;
      // A wait past the cap or the deadline is not waited: the caller gets the answer (a 429
      // becomes RATE_LIMITED with its retryAfter) at once rather than late.
      if (waitMs > MAX_RETRY_WAIT_MS || !(await waitWithin(deadline, waitMs))) return response;
    }
  }
}

/** Connection failures that happen before a byte of the request is written. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** A connection that closed under a call: the request may have reached the upstream. */
const CLOSED_MID_CALL_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * Whether a failed call may be sent again. A connection that never opened sent nothing, so any
 * call may; one that closed under the call may have delivered it, so only a read may. A timeout
 * is not tried again: it has spent the call's deadline.
 */
function mayTryAgain(cause: unknown, request: UpstreamRequest): boolean {
  if (neverSent(cause)) return true;
  return request.write !== true && CLOSED_MID_CALL_CODES.has(codeOf(cause) ?? '');
}

/** The failure came before a byte of the request was written: the upstream cannot have acted on it. */
function neverSent(cause: unknown): boolean {
  return cause instanceof undiciErrors.ConnectTimeoutError || NEVER_SENT_CODES.has(codeOf(cause) ?? '');
}

function codeOf(cause: unknown): string | undefined {
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** 100 ms, 200 ms, 400 ms … up to 1 s, each with jitter so callers do not retry in step. */
function backoffMs(tried: number): number {
  return Math.min(1_000, 100 * 2 ** tried) * (0.5 + Math.random() / 2);
}

/**
 * What a failed call shows of the upstream's health, for the provider's breaker, shared by every
 * request. Unhealthy: no answer in time, no connection, or a success that is not JSON (a
 * maintenance page). Neither: waiting for our own slot, a request's byte budget spent, or an
 * answer refused for its size (headers or body past our caps); the upstream answered, and the
 * size is that of what was asked for, so one caller reading a huge ticket again and again must
 * not shut the provider for every other.
 */
function healthShownBy(error: unknown): CallHealth {
  const ours =
    (error instanceof UpstreamTimeoutError && error.cause instanceof SlotWaitExpired) ||
    error instanceof RequestBudgetSpentError ||
    error instanceof ClientGoneError;
  return ours || error instanceof AnswerTooLargeError ? 'neither' : 'unhealthy';
}

interface ReadLimits {
  /** The largest body of one answer. */
  readonly maxBytes: number;
  readonly provider: UpstreamOptions['provider'];
  /** What the request the answer is read for may still read. */
  readonly bytes: ByteBudget | undefined;
}

/**
 * The body as text, refused once it passes `maxBytes` or the request's budget, never buffered
 * first. A stated length (`declared`: undici never reads past it) is checked and taken from the
 * budget before a byte is read, so of several answers streaming at once those that fit are read
 * whole, rather than all of them cut halfway; a body of unstated length takes each chunk.
 */
async function readCapped(
  body: Dispatcher.ResponseData['body'],
  declared: number | undefined,
  { maxBytes, provider, bytes }: ReadLimits,
): Promise<string> {
  const refuse = (error: TicketGraphError): never => {
    // Destroyed before it is read, the body emits its abort as an error: with no listener, an
    // uncaught exception.
    body.on('error', () => undefined);
    body.destroy();
    throw error;
  };
  const tooLarge = () =>
    new AnswerTooLargeError(`${provider} answered with a body over ${maxBytes} bytes`, { provider });
  const spent = () => new RequestBudgetSpentError(provider, bytes!.limit);
  if (declared !== undefined) {
    if (declared > maxBytes) refuse(tooLarge());
    if (bytes !== undefined && !bytes.take(declared)) refuse(spent());
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) refuse(tooLarge());
    if (declared === undefined && bytes !== undefined && !bytes.take(chunk.length)) refuse(spent());
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Most objects and arrays one answer may hold: a ticket with a thousand replies has a few
 * thousand, a Kapture batch of a hundred tickets tens of thousands.
 */
const MAX_JSON_CONTAINERS = 100_000;
const SCAN_FROM_CHARS = 256 * 1024;

/**
 * The body decides, not the content type: Kapture serves its JSON as `text/html`, so a JSON
 * body under any type is read, and anything else on a success is an invalid response.
 *
 * The JSON body, or `undefined` when empty. A non-JSON body is invalid on a success, but on an
 * error status it is a proxy's or server's error page: the status is what the provider must
 * read, so the page is dropped rather than turning a retryable 502 into an invalid response.
 */
export function parseJson(text: string, status: number, provider: UpstreamOptions['provider']): unknown {
  if (text.trim() === '') return undefined;
  // A short text cannot hold enough objects to matter (256 KiB of `{},` is under 90,000); a
  // longer one is scanned first, so that its parse cannot take the heap.
  if (text.length > SCAN_FROM_CHARS && hasMoreContainersThan(text, MAX_JSON_CONTAINERS)) {
    throw new AnswerTooLargeError(
      `${provider} answered with more than ${MAX_JSON_CONTAINERS} JSON objects and arrays`,
      {
        provider,
        upstreamStatus: status,
      },
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (status < 200 || status >= 300) return undefined;
    throw new UpstreamInvalidResponseError(`${provider} answered HTTP ${status} with a body that is not JSON`, {
      provider,
      upstreamStatus: status,
      cause,
    });
  }
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
  signal: AbortSignal | undefined,
  options: UpstreamOptions,
  request: UpstreamRequest,
): TicketGraphError {
  const { provider } = options;
  if (error instanceof TicketGraphError) return error;
  const mayHaveArrived = request.write === true && !neverSent(error);
  if (
    signal?.aborted ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError
  ) {
    return timeoutError(options, error, mayHaveArrived);
  }
  if (mayHaveArrived) {
    return new UpstreamError(`${provider} dropped the connection during the call; ${MAY_HAVE_CHANGED}`, {
      provider,
      retryable: false,
      cause: error,
    });
  }
  return new UpstreamError(`${provider} could not be reached`, { provider, cause: error });
}

/** What a caller of a write that may have arrived is told: read the ticket before sending it again. */
const MAY_HAVE_CHANGED = 'the change may have been made';

function timeoutError(options: UpstreamOptions, cause: unknown, mayHaveArrived: boolean): UpstreamTimeoutError {
  const waited = `${options.provider} did not answer within ${options.timeoutMs} ms`;
  return new UpstreamTimeoutError(mayHaveArrived ? `${waited}; ${MAY_HAVE_CHANGED}` : waited, {
    provider: options.provider,
    retryable: !mayHaveArrived,
    ...(cause !== undefined && { cause }),
  });
}
