import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../error-response.js';

export interface SingleEndpointOptions {
  /** The one path GraphQL is served at: yoga's `graphqlEndpoint`. */
  readonly graphqlEndpoint: string;
  /** Other exact paths let through, answered by the plugins before this one. Default: none. */
  readonly open?: readonly string[];
}

/**
 * GraphQL is served at exactly one path. Yoga itself takes any path that ends in the endpoint
 * (`/x/graphql`, `//graphql`, `/graphql/`, even `/?q=/graphql`) for it, so a guard keyed to one
 * spelling would be a guard on one door of many. Here every path but `graphqlEndpoint` and the
 * `open` ones (probes, answered by the plugins before this one) is 404 before anything is read.
 * The path compared is the parsed URL's, so dot segments are already resolved (`/graphql/.` is
 * `/graphql/`) and percent-escapes are not undone (`/%67raphql` is not `/graphql`).
 */
export function useSingleEndpoint({ graphqlEndpoint, open = [] }: SingleEndpointOptions): Plugin {
  const served = new Set([graphqlEndpoint, ...open]);
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (served.has(url.pathname)) return;
      endResponse(
        errorResponse(fetchAPI, 404, {
          message: `Not found: GraphQL is served at ${graphqlEndpoint}`,
          code: 'NOT_FOUND',
        }),
      );
    },
  };
}
