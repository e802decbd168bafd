import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../error-response.js';

/** The largest request body the gateway reads: far above any real query (a 20,000-character update is ~20 KB). */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Media types a GraphQL request may come in; anything else is 415 before it is read. */
const REQUEST_TYPES = [
  'application/json',
  'application/graphql+json',
  'application/graphql',
  'text/plain',
  'application/x-www-form-urlencoded',
];

export interface RequestGuardsOptions {
  /** The largest request body, by its Content-Length, read. Default: `MAX_REQUEST_BODY_BYTES`. */
  readonly maxBodyBytes?: number;
}

/**
 * Checks that come before yoga reads a request, each answered with a GraphQL-shaped error body:
 * - a body over `maxBodyBytes` by its Content-Length is 413, and a POST of unstated length 411 (every
 *   GraphQL client states it; a chunked body could otherwise grow while being parsed);
 * - a body of a media type no GraphQL request uses is 415 (yoga's own 415 has no body);
 * - a GET whose `variables` or `extensions` are not a JSON object is 400 (yoga answers 500).
 * Text and form bodies pass on here to be refused by CSRF prevention.
 */
export function useRequestGuards(options: RequestGuardsOptions = {}): Plugin {
  const { maxBodyBytes = MAX_REQUEST_BODY_BYTES } = options;
  // Requests whose body yoga reads: every POST that reaches parsing (a GET's parser reads none).
  // Not `request.bodyUsed`, which whatwg-node's request leaves false after yoga read the body.
  const read = new WeakSet<Request>();
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const refuse = (status: number, message: string) =>
        endResponse(errorResponse(fetchAPI, status, { message, code: 'BAD_REQUEST' }));
      if (request.method === 'GET') {
        for (const name of ['variables', 'extensions']) {
          const value = url.searchParams.get(name);
          if (value !== null && value !== '' && !isJsonObject(value))
            return refuse(400, `The ${name} parameter must be a JSON object`);
        }
        return;
      }
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      if (length !== null && !(/^\d+$/.test(length) && Number(length) <= maxBodyBytes)) {
        return refuse(413, `Request body too large: at most ${maxBodyBytes} bytes`);
      }
      // Yoga's own streaming limit is off (app.ts): a stated length, checked above, is the only bound,
      // and Node's parser reads no further. A chunked body, or one under a protocol without
      // Transfer-Encoding, states none.
      if (length === null) return refuse(411, 'A request body needs a Content-Length');
      const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== '' && !REQUEST_TYPES.includes(type)) {
        return refuse(415, `Unsupported content type ${JSON.stringify(type.slice(0, 100))}: send application/json`);
      }
    },
    // Any answer given without reading the request's body (a refusal, a 404, a probe, a 401)
    // closes its connection after it: kept alive, Node would read and drop the body first, a stated
    // gigabyte or an endless chunked stream, holding the connection (and shutdown) meanwhile.
    onRequestParse({ request }) {
      if (request.method === 'POST') read.add(request);
    },
    onResponse({ request, response }) {
      if (!read.has(request) && hasBody(request.headers)) response.headers.set('connection', 'close');
    },
  };
}

const hasBody = (headers: Headers) =>
  headers.has('transfer-encoding') || (headers.get('content-length') ?? '0') !== '0';

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
