import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';

const KEY = 'gateway-key-for-tests';
const READ = JSON.stringify({ query: '{ ticket(provider: HOSTUP, number: "616828") { number subject } }' });
const WRITE = JSON.stringify({
  query: 'mutation { updateTicket(input: { provider: SWEEPPEA, number: "SWP-1001", title: "owned" }) { __typename } }',
});

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Sends `path` exactly as written (no dot-segment or slash clean-up), as `curl --path-as-is` does. */
function send(
  gateway: Gateway,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  const { port } = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...headers, ...(body !== undefined && { 'content-length': String(Buffer.byteLength(body)) }) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

const JSON_POST = { 'content-type': 'application/json' };

describe('one GraphQL endpoint, guarded by GATEWAY_API_KEYS however the path is spelled', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ env: { GATEWAY_API_KEYS: KEY } });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.reset());

  // Yoga serves GraphQL for any path ending in the endpoint; each of these answered ticket data.
  it.each([
    '/graphql/',
    '//graphql',
    '/x/graphql',
    '/graphql/.',
    '/graphql/x/..',
    '/%2Fgraphql',
    '/?q=/graphql',
    '/graphql//',
    '/GRAPHQL',
  ])('reads nothing through %s without a key', async (path) => {
    const answer = await send(gateway, 'POST', path, JSON_POST, READ);
    expect(answer.body).not.toContain('616828');
    expect([401, 404, 302]).toContain(answer.status);
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it.each(['/graphql/', '//graphql', '/x/graphql', '/graphql/.'])(
    'serves no GraphQL at %s even with a key: 404',
    async (path) => {
      const answer = await send(gateway, 'POST', path, { ...JSON_POST, authorization: `Bearer ${KEY}` }, READ);
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.body)).toEqual({
        errors: [{ message: 'Not found: GraphQL is served at /graphql', extensions: { code: 'NOT_FOUND' } }],
      });
      expect(gateway.sandbox.requests).toEqual([]);
    },
  );

  it('runs no mutation through /graphql/ without a key', async () => {
    const answer = await send(gateway, 'POST', '/graphql/', JSON_POST, WRITE);
    expect(answer.status).toBe(404);
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it.each(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    'answers %s /graphql without a key with 401',
    async (method) => {
      const answer = await send(gateway, method, '/graphql', JSON_POST, method === 'GET' ? undefined : READ);
      expect(answer.status).toBe(401);
      expect(gateway.sandbox.requests).toEqual([]);
    },
  );

  it('answers the endpoint with a key', async () => {
    const answer = await send(gateway, 'POST', '/graphql', { ...JSON_POST, authorization: `Bearer ${KEY}` }, READ);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { ticket: { number: '616828' } } });
    expect(gateway.sandbox.calls('hostup')).toBe(1);
  });

  it('renders the GraphiQL page only at the endpoint itself', async () => {
    const page = await send(gateway, 'GET', '/graphql', { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>ticket-graph</title>');
    const elsewhere = await send(gateway, 'GET', '/x/graphql', { accept: 'text/html' });
    expect(elsewhere.status).toBe(404);
  });
});

describe('NODE_ENV=production with GATEWAY_API_KEYS: no header lets a request past the key', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ env: { NODE_ENV: 'production', GATEWAY_API_KEYS: KEY } });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.reset());

  it('answers GET with Accept: text/html (taken for a GraphiQL page load, which is off) with 401, running nothing', async () => {
    const search = new URLSearchParams({ query: '{ ticket(provider: HOSTUP, number: "616828") { number subject } }' });
    const answer = await send(gateway, 'GET', `/graphql?${search}`, {
      accept: 'text/html',
      'graphql-require-preflight': '1',
    });
    expect(answer.status).toBe(401);
    expect(answer.body).not.toContain('616828');
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it.each(['/health', '/ready', '/metrics'])('answers %s without a key', async (path) => {
    expect((await send(gateway, 'GET', path)).status).toBe(200);
  });

  // Yoga's probes answered any URL ending in their path, a query string's included.
  it.each(['/graphql?/health', '/graphql?a=/ready', '/x/health', '/ready/', '/metrics/'])(
    'answers no probe at %s without a key',
    async (path) => {
      const answer = await send(gateway, 'POST', path, JSON_POST, READ);
      expect([401, 404]).toContain(answer.status);
      expect(answer.body).not.toContain('"ready"');
    },
  );
});
