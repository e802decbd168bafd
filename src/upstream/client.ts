import pLimit from 'p-limit';
import { Pool, errors as undiciErrors } from 'undici';
import {
  TicketGraphError,
  UpstreamError,
  UpstreamInvalidResponseError,
  UpstreamTimeoutError,
} from '../errors.js';
import type { UpstreamClient, UpstreamOptions, UpstreamRequest, UpstreamResponse } from './types.js';

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * An undici Pool for one provider's origin, behind a process-wide concurrency limit and an
 * overall deadline per call (time spent waiting for a slot counts against it).
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

  return {
    provider,
    async request(request) {
      const signal = AbortSignal.timeout(options.timeoutMs);
      try {
        return await limit(() => send(request, signal));
      } catch (error) {
        throw toTransportError(error, signal, options);
      }
    },
    async close() {
      limit.clearQueue();
      await pool.close();
    },
  };
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

function toTransportError(error: unknown, signal: AbortSignal, options: UpstreamOptions): TicketGraphError {
  const { provider } = options;
  if (error instanceof TicketGraphError) return error;
  if (
    signal.aborted ||
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
