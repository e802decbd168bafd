import type { Plugin } from 'graphql-yoga';

/** What a request may name a GraphQL operation by, in its query string. */
const OPERATION_PARAMS = ['query', 'documentId', 'extensions'];

const NOTICE =
  'This is the GraphQL endpoint of ticket-graph. GraphiQL is off on this gateway (GRAPHIQL=true turns it on); ' +
  'send GraphQL requests as POST application/json.';

const page = (text: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>ticket-graph</title><p>${text}</p></html>\n`;

const NOT_ACCEPTABLE =
  'This endpoint answers application/graphql-response+json, application/json, multipart/mixed or ' +
  'text/event-stream, and the request accepts none of them.';

export interface PageLoadNoticeOptions {
  /** Whether yoga serves GraphiQL, which then answers a page load itself, ahead of every plugin. Required. */
  readonly graphiql: boolean;
}

/**
 * On a gateway whose GraphiQL is off, a browser that loads the endpoint as a page (a GET that
 * accepts `text/html` and names no operation) gets a one-line page saying what the endpoint is,
 * with HTTP 406, rather than a JSON error or an empty page. Every other 406 (a client whose
 * `Accept` lists no type the endpoint answers) says so in one line too, as HTML to a browser and
 * as text to anything else, in place of yoga's empty body. Neither runs anything, so this plugin
 * comes before the gateway's key check, like the GraphiQL page it stands in for.
 */
export function usePageLoadNotice({ graphiql }: PageLoadNoticeOptions): Plugin {
  const htmlAccepted = (request: Request) => (request.headers.get('accept') ?? '').includes('text/html');
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (graphiql || request.method !== 'GET' || !htmlAccepted(request)) return;
      if (OPERATION_PARAMS.some((name) => url.searchParams.has(name))) return;
      endResponse(
        new fetchAPI.Response(page(NOTICE), { status: 406, headers: { 'content-type': 'text/html; charset=utf-8' } }),
      );
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status !== 406 || response.headers.has('content-type')) return;
      const html = htmlAccepted(request);
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
      setResponse(new fetchAPI.Response(html ? page(NOT_ACCEPTABLE) : `${NOT_ACCEPTABLE}\n`, { status: 406, headers }));
    },
  };
}
