import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../error-response.js';

/** Any one of these headers shows that a request is not a browser's simple cross-site request. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight'] as const;

/** Bodies a browser may send cross-site without a preflight (the CORS "simple" content types). */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * A GET, or a POST of a type a browser sends cross-site without asking first, must carry one of
 * `CSRF_HEADERS`; a JSON POST needs none, since no page can send one cross-site unasked. The same
 * rule as `@graphql-yoga/plugin-csrf-prevention`, answered as every other refusal before GraphQL
 * runs: a 403 whose error has `extensions.code` (BAD_REQUEST), before the body is read.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').trim().toLowerCase();
      const preflighted =
        request.method === 'POST' && type !== '' && !SIMPLE_TYPES.some((simple) => type.startsWith(simple));
      if (preflighted || CSRF_HEADERS.some((name) => request.headers.has(name))) return;
      // A browser loading the endpoint as a page: GraphiQL, where it is on, answered before this.
      const pageLoad = request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
      const headers = CSRF_HEADERS.join(', ');
      const message = `Required CSRF header(s) not present: send one of ${headers}, or POST application/json`;
      endResponse(
        errorResponse(fetchAPI, 403, {
          message: pageLoad ? `${message} (GraphiQL is off on this gateway)` : message,
          code: 'BAD_REQUEST',
        }),
      );
    },
  };
}
