import type { Plugin } from 'graphql-yoga';

/** `/` sends a browser on to the GraphQL endpoint, where GraphiQL is, instead of a bare 404. */
export function useRootRedirect(graphqlEndpoint: string): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/') return;
      endResponse(new fetchAPI.Response(null, { status: 302, headers: { location: graphqlEndpoint } }));
    },
  };
}
