import { type Dispatcher, Pool, errors as undiciErrors } from 'undici';
import { parseJson, readCapped } from './answer-body.js';
import { AnswerTooLargeError } from './errors.js';
import type { Send } from './layer.js';
import type { UpstreamOptions } from './types.js';

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Largest header block read, undici's and Node's own default, stated so the refusal can say it. */
const MAX_HEADER_BYTES = 16 * 1024;

/** The connections to one provider's origin: as many as calls may be in flight to it at once. */
export function createPool(options: UpstreamOptions): Pool {
  return new Pool(new URL(options.baseUrl).origin, {
    connections: options.maxConcurrency,
    keepAliveTimeout: 10_000,
    connectTimeout: Math.min(options.timeoutMs, 5_000),
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
    ...(options.connect && { connect: options.connect }),
  });
}

/**
 * The raw send, innermost layer: one request through `dispatcher` (the provider's pool) under
 * the base URL's path prefix, and its answer read within the caps (the body's size, the
 * request's byte budget) and parsed as JSON. What fails on the way is thrown as it comes; the
 * layer around it makes gateway errors of undici's.
 */
export function sendThrough(dispatcher: Dispatcher, options: UpstreamOptions): Send {
  const prefix = new URL(options.baseUrl).pathname.replace(/\/$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { provider } = options;
  return async (request, signal) => {
    signal.throwIfAborted();
    let response: Dispatcher.ResponseData;
    try {
      response = await dispatcher.request({
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
  };
}
