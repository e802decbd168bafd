import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';

const INTROSPECTION = '{ __schema { queryType { name } } }';
const MISSPELT = '{ providers { nmae } }';

async function post(gateway: Gateway, query: string) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: unknown }[] },
  };
}

const graphiqlPage = (gateway: Gateway) => fetch(gateway.url, { headers: { accept: 'text/html' } });

describe('NODE_ENV=production', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => gateway.close());

  it('serves no GraphiQL page, and tells a browser that loads the endpoint so in one line of HTML', async () => {
    const page = await graphiqlPage(gateway);
    expect(page.status).toBe(406);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html.trim().split('\n')).toHaveLength(1);
    expect(html).toContain(
      '<p>This is the GraphQL endpoint of ticket-graph. GraphiQL is off on this gateway (GRAPHIQL=true turns it on); ' +
        'send GraphQL requests as POST application/json.</p>',
    );
  });

  it('answers a GET query from a browser address bar as JSON, not with the page', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('says in one line what it answers to a client that accepts none of it (HTML to a browser, text otherwise)', async () => {
    const url = `${gateway.url}?query=${encodeURIComponent('{ __typename }')}`;
    const text = await fetch(url, { headers: { accept: 'image/png' } });
    expect(text.status).toBe(406);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe(
      'This endpoint answers application/graphql-response+json, application/json, multipart/mixed or ' +
        'text/event-stream, and the request accepts none of them.\n',
    );
    const html = await fetch(url, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(406);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toMatch(
      /^<!doctype html>.*<p>This endpoint answers .* accepts none of them\.<\/p><\/html>\n$/,
    );
  });

  it('answers no introspection', async () => {
    const { body } = await post(gateway, INTROSPECTION);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('answers no subgraph SDL either, which is the whole schema; _entities still answers', async () => {
    for (const query of ['{ _service { sdl } }', '{ a: __typename b: _service { sdl } }']) {
      const { body } = await post(gateway, query);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/introspection.*disabled.*npm run subgraph:sdl/i),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
    const { body } = await post(
      gateway,
      `{ _entities(representations: [{ __typename: "Ticket", provider: "KAPTURE", number: "${gateway.sandbox.ticketNumbers('kapture')[0]}" }]) { ... on Ticket { number } } }`,
    );
    expect(body).toEqual({ data: { _entities: [{ number: gateway.sandbox.ticketNumbers('kapture')[0] }] } });
  });

  it('suggests no field names in errors', async () => {
    const { body } = await post(gateway, MISSPELT);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Cannot query field "nmae"/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(JSON.stringify(body)).not.toMatch(/did you mean/i);
  });

  it('suggests no enum values, written in the query or sent as a variable', async () => {
    const literal = await post(gateway, '{ ticket(provider: HOSTUPX, number: "1") { id } }');
    expect(literal.body.errors?.[0]).toMatchObject({
      message: 'Value "HOSTUPX" does not exist in "Provider" enum.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($p: Provider!) { ticket(provider: $p, number: "1") { id } }',
        variables: { p: 'HOSTUPX' },
      }),
    });
    const variable = (await response.json()) as { errors?: { message: string; extensions?: unknown }[] };
    expect(variable.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/"HOSTUPX" does not exist in "Provider" enum\.$/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(JSON.stringify([literal.body, variable])).not.toMatch(/did you mean|HOSTUP"/i);
  });

  it('still answers queries', async () => {
    const { status, body } = await post(gateway, '{ providers { name enabled } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe('NODE_ENV=production with GRAPHIQL=true and INTROSPECTION=true', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ env: { NODE_ENV: 'production', GRAPHIQL: 'true', INTROSPECTION: 'true' } });
  });
  afterAll(() => gateway.close());

  it('serves GraphiQL and introspection again', async () => {
    expect((await graphiqlPage(gateway)).headers.get('content-type')).toMatch(/text\/html/);
    const { body } = await post(gateway, INTROSPECTION);
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const sdl = await post(gateway, '{ _service { sdl } }');
    expect(sdl.body.data).toEqual({ _service: { sdl: expect.stringContaining('@key(fields: "provider number")') } });
  });
});

describe('outside production', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(() => gateway.close());

  it('suggests field names, which help while building a query', async () => {
    const { body } = await post(gateway, MISSPELT);
    expect(JSON.stringify(body)).toMatch(/did you mean/i);
  });

  describe('CSRF prevention', () => {
    const get = (headers: Record<string, string> = {}, query = '{ __typename }') =>
      fetch(`${gateway.url}?query=${encodeURIComponent(query)}`, {
        headers: { accept: 'application/graphql-response+json', ...headers },
      });

    it('answers a GET query without a preflight header: it carries no credential and changes nothing', async () => {
      const response = await get();
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    });

    it('refuses a mutation over GET, with or without the header: only a POST may change a ticket', async () => {
      const mutation = 'mutation { closeTicket(input: { provider: SWEEPPEA, number: "1" }) { __typename } }';
      for (const headers of [{}, { 'graphql-require-preflight': '1' }] as Record<string, string>[]) {
        const response = await get(headers, mutation);
        expect(response.status).toBe(405);
      }
      expect(gateway.sandbox.requests).toEqual([]);
    });

    it.each(['graphql-require-preflight', 'apollo-require-preflight', 'x-graphql-yoga-csrf'])(
      'accepts a form-encoded POST with %s',
      async (header) => {
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', [header]: '1' },
          body: `query=${encodeURIComponent('{ __typename }')}`,
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
      },
    );

    it('refuses a form-encoded POST without the header', async () => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent('{ __typename }')}`,
      });
      expect(response.status).toBe(403);
    });
  });
});
