import { createHash, timingSafeEqual } from 'node:crypto';
import { shouldRenderGraphiQL, type Plugin } from 'graphql-yoga';
import { errorResponse } from './error-response.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * With gateway keys configured, a GraphQL request without `Authorization: Bearer <key>` gets
 * HTTP 401. Keys are compared as SHA-256 digests with timingSafeEqual, so neither the
 * comparison time nor the length of a key leaks. The GraphiQL page itself is served to anyone:
 * it holds nothing, and a browser cannot send a bearer key to load it; its queries then carry
 * the key set in GraphiQL's headers tab.
 */
export function useGatewayAuth(keys: readonly string[], graphqlEndpoint: string): Plugin {
  const digests = keys.map(digest);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (digests.length === 0 || url.pathname !== graphqlEndpoint || shouldRenderGraphiQL(request)) return;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
      const presented = match ? digest(match[1]!) : undefined;
      if (presented && digests.some((known) => timingSafeEqual(known, presented))) return;
      endResponse(
        errorResponse(fetchAPI, 401, { message: 'This gateway needs Authorization: Bearer <gateway API key>', code: 'UNAUTHENTICATED' }, { 'www-authenticate': 'Bearer' }),
      );
    },
  };
}
