import type { UpstreamRequest, UpstreamResponse } from './types.js';

/*
 * The shapes a call takes as the upstream client's layers hand it on, each wrapping the next as
 * undici's interceptors wrap a dispatch (client.ts composes them). They are not interceptors for
 * Dispatcher.compose: an interceptor sees one dispatch's handler callbacks, before the body is
 * read, while these layers judge whole calls by the parsed answer (a wait asked for in the body,
 * a success that is not JSON counted unhealthy) and by the gateway errors of their tries.
 */

/**
 * A call: its answer, of any status, or a TicketGraphError thrown, as UpstreamClient.request
 * promises.
 */
export type Call = (request: UpstreamRequest) => Promise<UpstreamResponse>;

/**
 * A call inside its deadline: by `endsAt` (epoch ms) every try and wait of it is over. Below
 * withRetries, one try, told how many tries of the same call came before it (`tried`, 0 for the
 * first).
 */
export type TimedCall = (request: UpstreamRequest, endsAt: number, tried?: number) => Promise<UpstreamResponse>;

/**
 * One HTTP exchange, ended when `signal` aborts: the answer read and parsed, or the failure as
 * thrown (undici's own errors are not translated yet).
 */
export type Send = (request: UpstreamRequest, signal: AbortSignal) => Promise<UpstreamResponse>;
