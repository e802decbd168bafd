import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../error-response.js';

/** Any one of these headers shows that a request is not a browser's simple cross-site request. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight'] as const;

/** Bodies a browser may send cross-site without a preflight (the CORS "simple" content types). */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * A POST of a type a browser sends cross-site without asking first (a form, `text/plain`) must
 * carry one of `CSRF_HEADERS`; a JSON POST needs none, since no page can send one cross-site
 * unasked. Refused before the body is read: HTTP 403, `extensions.code` BAD_REQUEST.
 *
 * A GET needs no header. A cross-site GET carries no credential of the caller's: the gateway
 * reads its key and the providers' keys from headers (`Authorization`, `X-*-Api-Key`), never
 * cookies, and a page cannot add a header without a preflight, which CORS refuses to every
 * origin not in `CORS_ORIGINS`. What such a GET can run is a query (yoga refuses a mutation
 * over GET, 405) with the gateway's own configured credentials, whose answer the page cannot
 * read; queries change nothing upstream. So GET queries work for clients on their defaults
 * (urql's `preferGetMethod`, graphql-request's GET), and the forms that could carry a mutation
 * stay refused.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').trim().toLowerCase();
      const preflighted = type !== '' && !SIMPLE_TYPES.some((simple) => type.startsWith(simple));
      if (preflighted || CSRF_HEADERS.some((name) => request.headers.has(name))) return;
      const headers = CSRF_HEADERS.join(', ');
      endResponse(
        errorResponse(fetchAPI, 403, {
          message: `Required CSRF header(s) not present: POST application/json, or send one of ${headers}`,
          code: 'BAD_REQUEST',
        }),
      );
    },
  };
}
