import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../error-response.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

export interface GatewayAuthOptions {
  /** The gateway API keys (`GATEWAY_API_KEYS`) a request may present; none lets every request through. */
  readonly keys: readonly string[];
}

/**
 * With gateway keys configured, every request that reaches this plugin without
 * `Authorization: Bearer <key>` gets HTTP 401, whatever its path, method or `Accept`: nothing a
 * request says of itself lets it past. What answers without a key answers before this plugin
 * (the probes, and the GraphiQL page, which yoga renders ahead of every plugin of ours and which
 * holds nothing and runs no query); app.ts orders them so. Keys are compared as SHA-256 digests
 * with timingSafeEqual, so neither the comparison time nor the length of a key leaks.
 */
export function useGatewayAuth({ keys }: GatewayAuthOptions): Plugin {
  const digests = keys.map(digest);
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (digests.length === 0) return;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
      const presented = match ? digest(match[1]!) : undefined;
      if (presented && digests.some((known) => timingSafeEqual(known, presented))) return;
      endResponse(
        errorResponse(
          fetchAPI,
          401,
          { message: 'This gateway needs Authorization: Bearer <gateway API key>', code: 'UNAUTHENTICATED' },
          { 'www-authenticate': 'Bearer' },
        ),
      );
    },
  };
}
