import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL's page as yoga renders it, but with its scripts, styles, editor workers and icon in the
 * page itself (@graphql-yoga/render-graphiql) rather than fetched from a public CDN, so it works
 * behind a firewall or with no internet at all. That module is about 9 MB of text: it is loaded on
 * the first page asked for, never by a gateway whose GraphiQL is off, and the page, whose options
 * are the same for every request, is made once and served again while they stay the same.
 */
export function createGraphiQLRenderer(): (options: GraphiQLOptions) => Promise<string> {
  let made: { readonly key: string; readonly page: string } | undefined;
  return async (options) => {
    const key = JSON.stringify(options);
    if (made?.key !== key) {
      const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
      made = { key, page: renderGraphiQL(options) };
    }
    return made.page;
  };
}
