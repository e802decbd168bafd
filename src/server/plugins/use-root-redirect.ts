import type { Plugin } from 'graphql-yoga';

export interface RootRedirectOptions {
  /** Where `/` redirects to. Required: app.ts passes the GraphQL endpoint, `GRAPHQL_ENDPOINT`. */
  readonly to: string;
}

/** `/` sends a browser on to the GraphQL endpoint, where GraphiQL is, instead of a bare 404. */
export function useRootRedirect({ to }: RootRedirectOptions): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/') return;
      endResponse(new fetchAPI.Response(null, { status: 302, headers: { location: to } }));
    },
  };
}
