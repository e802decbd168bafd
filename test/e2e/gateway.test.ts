import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';

const QUERY = JSON.stringify({ query: '{ ticket(provider: HOSTUP, number: "616828") { number } }' });
const KEY = 'gateway-key-for-tests';

const post = (gateway: Gateway, headers: Record<string, string> = {}) =>
  fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: QUERY });

describe('the GraphiQL page', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(() => gateway.close());

  it('serves GraphiQL on the endpoint, opening with the example query', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<title>ticket-graph</title>');
    expect(page).toContain('TicketsAcrossProviders');
  });

  it('sends a browser from / on to the endpoint', async () => {
    const response = await fetch(new URL('/', gateway.url), { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/graphql');
  });
});

describe('GATEWAY_API_KEYS', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ env: { GATEWAY_API_KEYS: `other-key,${KEY}` } });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.reset());

  it.each([
    ['no Authorization header', {}],
    ['a wrong key', { authorization: 'Bearer not-the-key' }],
    ['a key that is a prefix of the right one', { authorization: `Bearer ${KEY.slice(0, -1)}` }],
    ['another scheme', { authorization: `Basic ${KEY}` }],
  ])('answers 401 UNAUTHENTICATED to %s, before any upstream call', async (_, headers) => {
    const response = await post(gateway, headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(gateway.sandbox.requests).toHaveLength(0);
  });

  it('answers a request bearing any configured key', async () => {
    const response = await post(gateway, { authorization: `Bearer ${KEY}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { ticket: { number: '616828' } } });
    expect(gateway.sandbox.calls('hostup')).toBe(1);
  });

  it('still serves the GraphiQL page, which holds nothing and runs no query', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ providers { name } }')}`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(gateway.sandbox.requests).toHaveLength(0);
  });
});
