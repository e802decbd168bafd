import pLimit, { type LimitFunction } from 'p-limit';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool, errors as undiciErrors } from 'undici';
import {
  TicketGraphError,
  UpstreamError,
  UpstreamInvalidResponseError,
  UpstreamTimeoutError,
} from '../errors.js';
import type { UpstreamClient, UpstreamOptions, UpstreamRequest, UpstreamResponse } from './types.js';

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_QUEUE_TIMEOUT_MS = 30_000;

class SlotWaitExpired extends Error {}

/**
 * Runs `task` once a slot is free, or rejects with SlotWaitExpired when `queued` aborts first.
 * An abandoned task gives its slot straight back without sending anything.
 */
function whenSlotFree<T>(limit: LimitFunction, queued: AbortSignal, task: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const expire = () => reject(new SlotWaitExpired());
    queued.addEventListener('abort', expire, { once: true });
    limit(async () => {
      queued.removeEventListener('abort', expire);
      if (queued.aborted) return;
      resolve(await task());
    }).catch(reject);
  });
}

/**
 * An undici Pool for one provider's origin, behind a process-wide concurrency limit.
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
    ...(options.connect && { connect: options.connect }),
  });
  const limit = pLimit(options.maxConcurrency);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { provider } = options;

  async function send(request: UpstreamRequest, signal: AbortSignal): Promise<UpstreamResponse> {
    signal.throwIfAborted();
    const response = await pool.request({
      method: request.method,
      path: prefix + request.path,
      headers: { accept: 'application/json', ...request.headers },
      body: request.body ?? null,
      signal,
    });
    const text = await readCapped(response.body, maxBodyBytes, provider);
    return {
      status: response.statusCode,
      headers: response.headers,
      body: parseJson(text, response.statusCode, provider),
    };
  }

  async function attempt(request: UpstreamRequest): Promise<UpstreamResponse> {
    const queued = AbortSignal.timeout(options.queueTimeoutMs ?? DEFAULT_QUEUE_TIMEOUT_MS);
    let deadline: AbortSignal | undefined;
    try {
      return await whenSlotFree(limit, queued, () => {
        deadline = AbortSignal.timeout(options.timeoutMs);
        return send(request, deadline);
      });
    } catch (error) {
      if (error instanceof SlotWaitExpired) {
        throw new UpstreamTimeoutError(
          `${provider} is busy: no free call slot within ${options.queueTimeoutMs ?? DEFAULT_QUEUE_TIMEOUT_MS} ms`,
          { provider },
        );
      }
      throw toTransportError(error, deadline, options);
    }
  }

  const retries = options.retries ?? 0;
  return {
    provider,
    async request(request) {
      for (let tried = 0; ; tried += 1) {
        try {
          return await attempt(request);
        } catch (error) {
          if (tried >= retries || !(error instanceof TicketGraphError) || !mayTryAgain(error.cause, request)) throw error;
          await sleep(backoffMs(tried));
        }
      }
    },
    async close() {
      limit.clearQueue();
      await pool.close();
    },
  };
}

/** Connection failures that happen before a byte of the request is written. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** A connection that closed under a call: the request may have reached the upstream. */
const CLOSED_MID_CALL_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * Whether a failed call may be sent again. A connection that never opened sent nothing, so any
 * call may; one that closed under the call may have delivered it, so only a read may. Timeouts,
 * error statuses and backoff for reads are the resilience layer's (issue 4), not this one's.
 */
function mayTryAgain(cause: unknown, request: UpstreamRequest): boolean {
  if (cause instanceof undiciErrors.ConnectTimeoutError) return true;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return false;
  if (NEVER_SENT_CODES.has(code)) return true;
  return request.write !== true && CLOSED_MID_CALL_CODES.has(code);
}

/** 100 ms, 200 ms, 400 ms … up to 1 s, each with jitter so callers do not retry in step. */
function backoffMs(tried: number): number {
  return Math.min(1_000, 100 * 2 ** tried) * (0.5 + Math.random() / 2);
}

async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown },
  maxBytes: number,
  provider: UpstreamOptions['provider'],
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new UpstreamInvalidResponseError(`${provider} answered with a body over ${maxBytes} bytes`, {
        provider,
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The JSON body, or `undefined` when empty. A non-JSON body is invalid on a success, but on an
 * error status it is a proxy's or server's error page: the status is what the provider must
 * read, so the page is dropped rather than turning a retryable 502 into an invalid response.
 */
function parseJson(text: string, status: number, provider: UpstreamOptions['provider']): unknown {
  if (text.trim() === '') return undefined;
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

function toTransportError(error: unknown, signal: AbortSignal | undefined, options: UpstreamOptions): TicketGraphError {
  const { provider } = options;
  if (error instanceof TicketGraphError) return error;
  if (
    signal?.aborted ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError
  ) {
    return new UpstreamTimeoutError(`${provider} did not answer within ${options.timeoutMs} ms`, {
      provider,
      cause: error,
    });
  }
  return new UpstreamError(`${provider} could not be reached`, { provider, cause: error });
}
