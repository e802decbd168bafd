import type { Plugin } from 'graphql-yoga';
import { credentialHeader } from '../../loading/credentials.js';
import { PROVIDER_NAMES } from '../../domain/model.js';
import { CSRF_HEADERS } from './use-csrf-prevention.js';

/** Headers a page may send: the gateway key, each provider's own key, and the GraphQL ones. */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'cache-control',
  'x-request-id',
  ...CSRF_HEADERS,
  ...PROVIDER_NAMES.map((name) => credentialHeader(name).toLowerCase()),
].join(', ');

/** How long a browser may reuse a preflight's answer: 10 minutes. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export interface CorsOptions {
  /**
   * The origins whose pages may read the gateway's answers, each exactly as a browser sends it.
   * Required: app.ts passes `CORS_ORIGINS` (`config.corsOrigins`), and adds the plugin only when
   * it lists any.
   */
  readonly origins: readonly string[];
}

/**
 * CORS for the origins in `CORS_ORIGINS` only: a page from any other origin gets no CORS header
 * and so cannot read an answer. Credentials travel in headers, never cookies, so no answer says
 * `Access-Control-Allow-Credentials`; a page must hold a key to send one. Yoga's own CORS is off
 * (app.ts): it answers any origin by echoing it back, with credentials allowed.
 */
export function useCors({ origins }: CorsOptions): Plugin {
  const allowed = new Set(origins);
  const allowedOrigin = (request: Request) => {
    const origin = request.headers.get('origin');
    return origin !== null && allowed.has(origin) ? origin : undefined;
  };
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'OPTIONS') return;
      const origin = allowedOrigin(request);
      // onResponse below adds `Vary: Origin` to this answer too.
      const headers: Record<string, string> = { 'content-length': '0' };
      if (origin !== undefined) {
        Object.assign(headers, {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
        });
      }
      endResponse(new fetchAPI.Response(null, { status: 204, headers }));
    },
    onResponse({ request, response }) {
      response.headers.append('vary', 'Origin');
      const origin = allowedOrigin(request);
      if (origin === undefined) return;
      response.headers.set('access-control-allow-origin', origin);
      response.headers.set('access-control-expose-headers', 'x-request-id, retry-after');
    },
  };
}
