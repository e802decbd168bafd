import type { Context, Tracer } from '@opentelemetry/api';
import type { buildConnector, FormData } from 'undici';
import type { CircuitSnapshot, ProviderName } from '../domain/model.js';
import type { BreakerOptions } from './breaker.js';
import type { ByteBudget } from './byte-budget.js';

export interface UpstreamRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query relative to the provider's base URL, every dynamic segment already escaped. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON text, or form fields sent as multipart/form-data (undici's FormData). */
  readonly body?: string | FormData;
  /**
   * The call changes the upstream's state. It is tried again only when the connection failed
   * before anything was sent; never after a timeout or an error status, when it may have been made.
   */
  readonly write?: boolean;
  /**
   * Seconds a 429/503 answer asks to wait before a read is sent again, for providers that say it
   * somewhere of their own (HostUp's body `retryAfter`). Default: the `Retry-After` header.
   */
  readonly retryAfterOf?: (response: UpstreamResponse) => number | undefined;
  /** The gateway request the call is made for, told of each try. */
  readonly trace?: CallTrace;
  /**
   * The trace context the call was made in, whose span its tries are children of. Set by the
   * client itself when tracing (withSpanParent), as the call enters: a call that waited for a slot
   * is started from whichever call freed it, in that call's context.
   */
  readonly spanParent?: Context;
}

/** The gateway request an upstream call is made for: its id, and what it keeps of each try. */
export interface CallTrace {
  readonly requestId: string;
  attempted(attempt: UpstreamAttempt): void;
  /** The upstream bytes the request may still read; unbounded when absent. */
  readonly bytes?: ByteBudget;
  /**
   * Aborted once the client that made the request has gone: its calls still waiting for a slot
   * are dropped unsent, and its reads in flight are ended (a write in flight is let finish, so
   * that what it did is known).
   */
  readonly signal?: AbortSignal;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body; `undefined` when the body was empty. */
  readonly body: unknown;
}

/**
 * The one way a provider talks HTTP. Non-2xx answers are returned, not thrown, so the
 * provider can read its own error bodies; transport failures throw a TicketGraphError
 * (UPSTREAM_TIMEOUT, UPSTREAM_ERROR, UPSTREAM_INVALID_RESPONSE) stamped with the provider.
 */
export interface UpstreamClient {
  readonly provider: ProviderName;
  request(request: UpstreamRequest): Promise<UpstreamResponse>;
  /** Where the provider's circuit breaker stands. */
  circuit(): CircuitSnapshot;
  /**
   * Closes the connection pool: waits for the calls in flight, or with `abort` ends them at once
   * (a shutdown past its timeout, whose requests were already cut).
   */
  close(abort?: boolean): Promise<void>;
  /** Closes it as `close()` does, waiting for the calls in flight: `await using` a client closes it. */
  [Symbol.asyncDispose](): Promise<void>;
}

export interface UpstreamOptions {
  readonly provider: ProviderName;
  /** Where the provider's API lives, e.g. `https://cloud.hostup.se`; may carry a path prefix. */
  readonly baseUrl: string;
  /** Deadline of one call, retries included, counted from when its first try holds a slot. */
  readonly timeoutMs: number;
  /** Longest wait for a slot under the concurrency limit before UPSTREAM_TIMEOUT. Default 30000. */
  readonly queueTimeoutMs?: number;
  /** Calls in flight to this provider at once, shared by every request of the process. */
  readonly maxConcurrency: number;
  /** Largest body accepted; a larger one is refused, not buffered. Default 10 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * Further tries of a call: a read after a failed connection or a 429/502/503/504 answer, a
   * write only when nothing was sent (see UpstreamRequest.write). Default 0.
   */
  readonly retries?: number;
  /** When the provider's circuit opens and for how long; default 5 unhealthy calls, 30 s. */
  readonly breaker?: Pick<BreakerOptions, 'failureThreshold' | 'coolDownMs'>;
  /** undici's connector, e.g. for a custom TLS setup; tests use it to fail a connection on cue. */
  readonly connect?: buildConnector.connector;
  /** Told of every try and every call not sent, for metrics and logs. Default: nobody. */
  readonly observer?: UpstreamObserver;
  /**
   * Makes a span of every try and sends its W3C `traceparent` with it. Default: none, and the
   * client's layers are the same as without tracing.
   */
  readonly tracer?: Tracer;
}

/**
 * How one try ended: an answer of any status, or none (its deadline passed, no connection, a body
 * not read, its client gone).
 */
export type AttemptOutcome = 'answered' | 'timeout' | 'unreachable' | 'invalid' | 'cancelled';

/**
 * Why a call was never sent: the provider's circuit was open, no slot freed in time, the gateway
 * is closing, or its request had read its whole byte budget already.
 */
export type RefusalReason = 'circuit_open' | 'queue_timeout' | 'closing' | 'budget_spent' | 'client_gone';

export interface UpstreamAttempt {
  readonly provider: ProviderName;
  readonly method: UpstreamRequest['method'];
  readonly path: string;
  /** The answer's HTTP status; undefined when none came. */
  readonly status: number | undefined;
  readonly outcome: AttemptOutcome;
  readonly seconds: number;
  /** The gateway request it was made for, when it was made for one (not a token renewal). */
  readonly requestId: string | undefined;
  /** The call was a write (UpstreamRequest.write): the change may have reached the provider. */
  readonly write: boolean;
}

export interface UpstreamRefusal {
  readonly provider: ProviderName;
  readonly reason: RefusalReason;
  readonly requestId: string | undefined;
}

/** What the upstream client reports as it works; called synchronously, so it must not throw or block. */
export interface UpstreamObserver {
  /** One try of a call, retries each counted: what the upstream saw, or was meant to. */
  attempted(attempt: UpstreamAttempt): void;
  /** A call that never reached the upstream. */
  refused(refusal: UpstreamRefusal): void;
}
