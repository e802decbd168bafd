import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/telemetry/logger.js';
import { PROVIDER_NAMES, type ProviderName } from '../../src/domain/model.js';
import { startGateway, type Gateway } from './harness.js';
import { readMetrics } from './metrics.js';

const TICKETS = /* GraphQL */ `
  query Listed($refs: [TicketRef!]!) { tickets(refs: $refs) { provider number } }
`;

function refs(gateway: Gateway, each: number) {
  return PROVIDER_NAMES.flatMap((name) =>
    gateway.sandbox
      .ticketNumbers(name)
      .slice(0, each)
      .map((number) => ({ provider: name.toUpperCase(), number })),
  );
}

const post = (gateway: Gateway, body: unknown, headers: Record<string, string> = {}) =>
  fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const calls = (gateway: Gateway) =>
  Object.fromEntries(PROVIDER_NAMES.map((name) => [name, gateway.sandbox.calls(name)])) as Record<ProviderName, number>;

describe('metrics at /metrics', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({
      env: { UPSTREAM_BREAKER_FAILURES: '2', UPSTREAM_BREAKER_COOLDOWN_MS: '60000', UPSTREAM_RETRIES: '0' },
    });
  });
  afterAll(() => gateway.close());
  afterEach(() => gateway.sandbox.reset());

  it('counts every upstream call the sandbox saw, by provider, status and outcome, and times it', async () => {
    const was = await readMetrics(gateway.url);
    const response = await post(gateway, { query: TICKETS, variables: { refs: refs(gateway, 3) } });
    expect(response.status).toBe(200);
    const seen = calls(gateway);
    // Kapture reads three in one call; the others one a ticket.
    expect(seen).toEqual({ sweeppea: 3, hostup: 3, keliweb: 3, kapture: 1 });
    const now = await readMetrics(gateway.url);
    for (const provider of PROVIDER_NAMES) {
      const labels = { provider, status: '200', outcome: 'answered' };
      expect(
        now('ticket_graph_upstream_requests_total', labels) - was('ticket_graph_upstream_requests_total', labels),
      ).toBe(seen[provider]);
      const timed = { provider, outcome: 'answered' };
      expect(
        now('ticket_graph_upstream_request_duration_seconds_count', timed) -
          was('ticket_graph_upstream_request_duration_seconds_count', timed),
      ).toBe(seen[provider]);
    }
  });

  it('reports DataLoader batches: ten Kapture tickets and a repeat are one batch of ten', async () => {
    const was = await readMetrics(gateway.url);
    const numbers = gateway.sandbox.ticketNumbers('kapture').slice(0, 10);
    const asked = [...numbers, numbers[0]!].map((number) => ({ provider: 'KAPTURE', number }));
    await post(gateway, { query: TICKETS, variables: { refs: asked } });
    expect(gateway.sandbox.calls('kapture')).toBe(1);
    const now = await readMetrics(gateway.url);
    const delta = (name: string) => now(name, { provider: 'kapture' }) - was(name, { provider: 'kapture' });
    expect(delta('ticket_graph_loader_batch_size_count')).toBe(1);
    expect(delta('ticket_graph_loader_batch_size_sum')).toBe(10);
  });

  it('counts operations, and errors by their extensions.code, a bad query included', async () => {
    const was = await readMetrics(gateway.url);
    await post(gateway, { query: '{ ticket(provider: HOSTUP, number: "999999") { number } }' });
    await post(gateway, { query: '{ ticket(provider: HOSTUP, number: "999999") { number } }' });
    await post(gateway, { query: '{ ticket(' });
    await post(gateway, { query: '{ nonsense }' });
    expect(gateway.sandbox.calls('hostup')).toBe(2);
    const now = await readMetrics(gateway.url);
    const errors = (code: string) =>
      now('graphql_envelop_error_result', { code }) - was('graphql_envelop_error_result', { code });
    expect(errors('NOT_FOUND')).toBe(2);
    expect(errors('GRAPHQL_PARSE_FAILED')).toBe(1);
    expect(errors('GRAPHQL_VALIDATION_FAILED')).toBe(1);
    expect(
      now('graphql_envelop_request', { operationType: 'query' }) -
        was('graphql_envelop_request', { operationType: 'query' }),
    ).toBe(2);
    expect(now('graphql_yoga_http_duration_count', { method: 'POST', statusCode: '200' })).toBeGreaterThan(
      was('graphql_yoga_http_duration_count', { method: 'POST', statusCode: '200' }),
    );
  });

  it('never makes a series of what a client chose: operation names, aliases, URLs', async () => {
    for (let index = 0; index < 5; index += 1) {
      await post(gateway, { query: `query Hostile${index}x { providers { alias${index}: name } }` });
      await fetch(`${gateway.url}?probe${index}=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
    }
    const text = await (await fetch(new URL('/metrics', gateway.url))).text();
    expect(text).not.toMatch(/Hostile|alias\d|probe\d/);
  });
});

// A gateway of its own: the circuit it opens stays open for the cool-down, which would refuse the
// calls of whichever test ran next.
describe('an open circuit at /metrics', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({
      env: { UPSTREAM_BREAKER_FAILURES: '2', UPSTREAM_BREAKER_COOLDOWN_MS: '60000', UPSTREAM_RETRIES: '0' },
    });
  });
  afterAll(() => gateway.close());

  it('shows an open circuit and the calls it refused', async () => {
    gateway.sandbox.setFault('sweeppea', { status: 500 });
    const one = { refs: [{ provider: 'SWEEPPEA', number: gateway.sandbox.ticketNumbers('sweeppea')[0]! }] };
    for (let query = 0; query < 2; query += 1) await post(gateway, { query: TICKETS, variables: one });
    const was = await readMetrics(gateway.url);
    expect(was('ticket_graph_upstream_circuit_state', { provider: 'sweeppea' })).toBe(2);
    expect(
      was('ticket_graph_upstream_requests_total', { provider: 'sweeppea', status: '500', outcome: 'answered' }),
    ).toBe(2);
    await post(gateway, { query: TICKETS, variables: one });
    expect(gateway.sandbox.calls('sweeppea')).toBe(2);
    const now = await readMetrics(gateway.url);
    expect(
      now('ticket_graph_upstream_refused_total', { provider: 'sweeppea', reason: 'circuit_open' }) -
        was('ticket_graph_upstream_refused_total', { provider: 'sweeppea', reason: 'circuit_open' }),
    ).toBe(1);
    expect(now('ticket_graph_upstream_circuit_state', { provider: 'hostup' })).toBe(0);
  });
});

describe('readiness at /ready, and /health', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({
      env: { UPSTREAM_BREAKER_FAILURES: '2', UPSTREAM_BREAKER_COOLDOWN_MS: '1500', UPSTREAM_RETRIES: '0' },
    });
  });
  afterAll(() => gateway.close());
  afterEach(() => gateway.sandbox.reset());

  const ready = async () => {
    const response = await fetch(new URL('/ready', gateway.url));
    return {
      status: response.status,
      body: (await response.json()) as { ready: boolean; draining: boolean; openCircuits: string[] },
    };
  };

  it('answers /health while the process runs, with no upstream call', async () => {
    const response = await fetch(new URL('/health', gateway.url));
    expect(response.status).toBe(200);
    expect(PROVIDER_NAMES.map((name) => gateway.sandbox.calls(name))).toEqual([0, 0, 0, 0]);
  });

  it('flips to 503 naming the provider while its circuit is open, and back once the cool-down passes', async () => {
    expect(await ready()).toEqual({ status: 200, body: { ready: true, draining: false, openCircuits: [] } });
    gateway.sandbox.setFault('hostup', { status: 503 });
    const one = { refs: [{ provider: 'HOSTUP', number: gateway.sandbox.ticketNumbers('hostup')[0]! }] };
    for (let query = 0; query < 2; query += 1) await post(gateway, { query: TICKETS, variables: one });
    expect(gateway.sandbox.calls('hostup')).toBe(2);
    expect(await ready()).toEqual({ status: 503, body: { ready: false, draining: false, openCircuits: ['hostup'] } });
    // Past the cool-down the circuit lets a trial through: the replica must take traffic to make it.
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect((await ready()).status).toBe(200);
  });

  it('answers 503 once draining, while it still serves requests, each closing its connection', async () => {
    const other = await startGateway();
    try {
      other.app.drain();
      expect((await fetch(new URL('/ready', other.url))).status).toBe(503);
      const response = await post(other, { query: TICKETS, variables: { refs: refs(other, 1) } });
      expect(response.status).toBe(200);
      expect(response.headers.get('connection')).toBe('close');
      expect(calls(other)).toEqual({ sweeppea: 1, hostup: 1, keliweb: 1, kapture: 1 });
    } finally {
      await other.close();
    }
  });
});

describe('probes behind GATEWAY_API_KEYS', () => {
  it('answers /health, /ready and /metrics without a key, while /graphql still needs one', async () => {
    const gateway = await startGateway({ env: { GATEWAY_API_KEYS: 'k-1' } });
    try {
      for (const path of ['/health', '/ready', '/metrics'])
        expect([path, (await fetch(new URL(path, gateway.url))).status]).toEqual([path, 200]);
      expect((await post(gateway, { query: '{ __typename }' })).status).toBe(401);
    } finally {
      await gateway.close();
    }
  });
});

describe('request logs', () => {
  let gateway: Gateway;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    gateway = await startGateway({ logger: createLogger({ level: 'debug' }, sink) });
  });
  afterAll(() => gateway.close());
  afterEach(() => {
    gateway.sandbox.reset();
    lines.length = 0;
  });
  const requestLines = () => lines.filter((line) => line.msg === 'request');

  it('writes one line a request with its id, operation, status, duration and upstream calls by provider', async () => {
    const response = await post(
      gateway,
      { query: TICKETS, variables: { refs: refs(gateway, 2) }, operationName: 'Listed' },
      { 'x-request-id': 'req-42' },
    );
    expect(response.headers.get('x-request-id')).toBe('req-42');
    await response.text();
    const [line, ...more] = requestLines();
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      requestId: 'req-42',
      method: 'POST',
      path: '/graphql',
      operation: 'Listed',
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(line!.upstreamCalls).toEqual(calls(gateway));
    expect(line!.upstreamCalls).toEqual({ sweeppea: 2, hostup: 2, keliweb: 2, kapture: 1 });
  });

  it('logs each upstream call at debug under the request id of the request it served', async () => {
    const response = await post(gateway, { query: TICKETS, variables: { refs: refs(gateway, 1) } });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await response.text();
    const upstream = lines.filter((line) => line.msg === 'upstream call');
    expect(upstream).toHaveLength(4);
    for (const line of upstream)
      expect(line).toMatchObject({ level: 20, requestId: id, status: 200, outcome: 'answered' });
    expect(upstream.map((line) => line.provider).sort()).toEqual(['hostup', 'kapture', 'keliweb', 'sweeppea']);
  });

  it("keeps concurrent requests' calls apart", async () => {
    const one = (provider: ProviderName, count: number, id: string) =>
      post(
        gateway,
        {
          query: TICKETS,
          variables: {
            refs: gateway.sandbox
              .ticketNumbers(provider)
              .slice(0, count)
              .map((number) => ({ provider: provider.toUpperCase(), number })),
          },
        },
        { 'x-request-id': id },
      ).then((response) => response.text());
    await Promise.all([one('hostup', 3, 'a'), one('keliweb', 2, 'b'), one('hostup', 1, 'c')]);
    expect(calls(gateway)).toEqual({ sweeppea: 0, hostup: 4, keliweb: 2, kapture: 0 });
    const byId = Object.fromEntries(requestLines().map((line) => [line.requestId, line.upstreamCalls]));
    expect(byId).toEqual({ a: { hostup: 3 }, b: { keliweb: 2 }, c: { hostup: 1 } });
  });

  it('replaces a request id that is not plainly an id, and names an error by its code', async () => {
    const response = await post(
      gateway,
      { query: '{ ticket(provider: HOSTUP, number: "999999") { number } }' },
      { 'x-request-id': 'x y {"level":60}' },
    );
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await response.text();
    expect(gateway.sandbox.calls('hostup')).toBe(1);
    expect(requestLines()).toEqual([
      expect.objectContaining({ requestId: id, status: 200, errors: ['NOT_FOUND'], upstreamCalls: { hostup: 1 } }),
    ]);
  });

  it('names the code of a query that never ran, and cuts a long path', async () => {
    await (await post(gateway, { query: '{ ticket(' })).text();
    await (await fetch(`${gateway.url}/${'x'.repeat(5_000)}`)).text();
    const [parse, long] = requestLines();
    expect(parse).toMatchObject({ errors: ['GRAPHQL_PARSE_FAILED'], upstreamCalls: {} });
    expect(String(long!.path).length).toBeLessThanOrEqual(201);
    expect(PROVIDER_NAMES.map((name) => gateway.sandbox.calls(name))).toEqual([0, 0, 0, 0]);
  });

  it('logs probes, /health included, at debug, the GraphiQL page at info, and never a credential a request brought', async () => {
    for (const path of ['/health', '/ready', '/metrics']) await (await fetch(new URL(path, gateway.url))).text();
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    await page.text();
    await (
      await post(
        gateway,
        { query: TICKETS, variables: { refs: refs(gateway, 1) } },
        { 'x-kapture-api-key': 'secret-key-123', authorization: 'Bearer other-secret' },
      )
    ).text();
    expect(calls(gateway)).toEqual({ sweeppea: 1, hostup: 1, keliweb: 1, kapture: 1 });
    expect(requestLines().map((line) => [line.method, line.path, line.level])).toEqual([
      ['GET', '/health', 20],
      ['GET', '/ready', 20],
      ['GET', '/metrics', 20],
      ['GET', '/graphql', 30],
      ['POST', '/graphql', 30],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/secret-key-123|other-secret/);
  });
});
