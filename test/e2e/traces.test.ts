import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderName } from '../../src/domain/model.js';
import { startGateway, type Gateway } from './harness.js';

/**
 * Traces end to end: the gateway over HTTP with tracing on (OTEL_TRACES_EXPORTER=otlp), its spans
 * kept in memory instead of exported, and the sandbox's record of the `traceparent` each upstream
 * call carried.
 */

const TICKETS = 'query Tickets($refs: [TicketRef!]!) { tickets(refs: $refs) { provider number subject } }';
const LIST = /* GraphQL */ `
  query Inbox($provider: ListableProvider!, $first: Int, $after: String) {
    ticketList(provider: $provider, filter: { state: ANY }, first: $first, after: $after) {
      pageInfo { endCursor }
      edges { node { number } }
    }
  }
`;
const TRACING = { OTEL_TRACES_EXPORTER: 'otlp' };
const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

const exporter = new InMemorySpanExporter();
let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway({ env: TRACING, spanProcessor: new SimpleSpanProcessor(exporter) });
});
afterAll(() => gateway.close());
afterEach(() => {
  exporter.reset();
  gateway.sandbox.reset();
});

type Ref = { provider: string; number: string };
const refs = (provider: ProviderName, count: number, on = gateway): Ref[] =>
  on.sandbox
    .ticketNumbers(provider)
    .slice(0, count)
    .map((number) => ({ provider: provider.toUpperCase(), number }));

const spans = () => exporter.getFinishedSpans();
const named = (name: string) => spans().filter((span) => span.name === name);
const childrenOf = (parent: ReadableSpan) =>
  spans().filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);
const tries = (provider: ProviderName) => spans().filter((span) => span.name.endsWith(` ${provider}`));
const onlyOne = (found: ReadableSpan[]) => {
  expect(found).toHaveLength(1);
  return found[0]!;
};
/** The `traceparent` of each call a provider received, as `[traceId, spanId, flags]`. */
const traceparents = (provider: ProviderName, on = gateway) =>
  on.sandbox.requests
    .filter((request) => request.provider === provider)
    .map((request) => String(request.headers.traceparent).split('-').slice(1));

describe('traces', () => {
  it('makes one operation span, a batch span a provider under it, and a try span a call under each batch, whose traceparent the upstream received', async () => {
    const asked = [...refs('kapture', 2), ...refs('hostup', 2)];
    const { errors } = await gateway.client().rawRequest(TICKETS, { refs: asked });
    expect(errors).toBeUndefined();
    expect(gateway.sandbox.calls('kapture')).toBe(1);
    expect(gateway.sandbox.calls('hostup')).toBe(2);

    const operation = onlyOne(named('query.Tickets'));
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(operation.parentSpanContext).toBeUndefined();
    expect(operation.attributes).toMatchObject({
      'graphql.execute.operationName': 'Tickets',
      'graphql.execute.operationType': 'query',
    });
    const batches = childrenOf(operation);
    const byProvider = (a: ReadableSpan, b: ReadableSpan) =>
      String(a.attributes['ticket_graph.provider']).localeCompare(String(b.attributes['ticket_graph.provider']));
    expect(batches.sort(byProvider).map((span) => [span.name, span.attributes])).toEqual([
      ['load tickets', { 'ticket_graph.provider': 'hostup', 'ticket_graph.batch.size': 2 }],
      ['load tickets', { 'ticket_graph.provider': 'kapture', 'ticket_graph.batch.size': 2 }],
    ]);
    const batchOf = (provider: ProviderName) =>
      batches.find((span) => span.attributes['ticket_graph.provider'] === provider)!;

    const kapture = onlyOne(childrenOf(batchOf('kapture')));
    expect(kapture.name).toBe('POST kapture');
    expect(kapture.kind).toBe(SpanKind.CLIENT);
    expect(kapture.attributes).toEqual({
      'ticket_graph.provider': 'kapture',
      'http.request.method': 'POST',
      'server.address': '127.0.0.1',
      'server.port': Number(new URL(gateway.sandbox.urls.kapture).port),
      'url.scheme': 'http',
      'url.path': '/search-ticket-by-ticket-id.html/v.2.0',
      'ticket_graph.upstream.attempt': 1,
      'ticket_graph.circuit.state': 'CLOSED',
      'http.response.status_code': 200,
    });
    const hostup = childrenOf(batchOf('hostup'));
    expect(hostup.map((span) => span.attributes['url.path']).sort()).toEqual(
      asked
        .filter((ref) => ref.provider === 'HOSTUP')
        .map((ref) => `/api/support/tickets/${ref.number}`)
        .sort(),
    );
    expect(hostup.every((span) => span.attributes['http.response.status_code'] === 200)).toBe(true);

    // Every span of the operation is in its trace, and each upstream call carried its try's span.
    expect(new Set(spans().map((span) => span.spanContext().traceId))).toEqual(
      new Set([operation.spanContext().traceId]),
    );
    const traceId = operation.spanContext().traceId;
    expect(traceparents('kapture')).toEqual([[traceId, kapture.spanContext().spanId, '01']]);
    expect(traceparents('hostup').sort()).toEqual(
      hostup.map((span) => [traceId, span.spanContext().spanId, '01']).sort(),
    );
  });

  it('shows a call tried again as two try spans, the 503 failed by its status, the second its first resend', async () => {
    gateway.sandbox.setFault('hostup', { status: 503, retryAfter: 0, times: 1 });
    const { errors } = await gateway.client().rawRequest(TICKETS, { refs: refs('hostup', 1) });
    expect(errors).toBeUndefined();
    expect(gateway.sandbox.calls('hostup')).toBe(2);

    const batch = onlyOne(named('load tickets'));
    const [first, second] = childrenOf(batch).sort(
      (a, b) =>
        Number(a.attributes['ticket_graph.upstream.attempt']) - Number(b.attributes['ticket_graph.upstream.attempt']),
    );
    expect(first!.attributes).toMatchObject({
      'ticket_graph.upstream.attempt': 1,
      'http.response.status_code': 503,
      'error.type': '503',
    });
    expect(first!.attributes['http.request.resend_count']).toBeUndefined();
    expect(first!.status.code).toBe(SpanStatusCode.ERROR);
    expect(second!.attributes).toMatchObject({
      'ticket_graph.upstream.attempt': 2,
      'http.request.resend_count': 1,
      'http.response.status_code': 200,
    });
    expect(second!.status.code).toBe(SpanStatusCode.UNSET);
    expect(batch.status.code).toBe(SpanStatusCode.UNSET);
    expect(traceparents('hostup').map(([, spanId]) => spanId)).toEqual(
      [first!, second!].map((span) => span.spanContext().spanId),
    );
  });

  it("makes the caller's traceparent the operation's parent, and sends its trace on", async () => {
    await gateway
      .client({ traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` })
      .rawRequest(TICKETS, { refs: refs('kapture', 1) });
    const operation = onlyOne(named('query.Tickets'));
    expect(operation.spanContext().traceId).toBe(CALLER_TRACE);
    expect(operation.parentSpanContext).toMatchObject({ traceId: CALLER_TRACE, spanId: CALLER_SPAN, isRemote: true });
    expect(traceparents('kapture')).toEqual([[CALLER_TRACE, onlyOne(tries('kapture')).spanContext().spanId, '01']]);
  });

  it('records no span for a caller whose traceparent says unsampled, and sends its trace on unsampled', async () => {
    await gateway
      .client({ traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-00` })
      .rawRequest(TICKETS, { refs: refs('kapture', 1) });
    expect(spans()).toEqual([]);
    const [[traceId, spanId, flags]] = traceparents('kapture') as [string[]];
    expect([traceId, flags]).toEqual([CALLER_TRACE, '00']);
    expect(spanId).not.toBe(CALLER_SPAN);
  });

  it('fails a try with no answer by its gateway code, and the batch by the codes of its tickets', async () => {
    gateway.sandbox.setFault('hostup', { kind: 'reset' });
    const { errors } = await gateway.client().rawRequest(TICKETS, { refs: refs('hostup', 1) });
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
    // A read whose connection closed under it is tried again, UPSTREAM_RETRIES (2) times.
    expect(gateway.sandbox.calls('hostup')).toBe(3);
    const batch = onlyOne(named('load tickets'));
    expect(childrenOf(batch).map((span) => [span.attributes['error.type'], span.status])).toEqual(
      Array(3).fill(['UPSTREAM_ERROR', { code: SpanStatusCode.ERROR, message: 'UPSTREAM_ERROR' }]),
    );
    expect(batch.attributes).toMatchObject({
      'ticket_graph.batch.failed': 1,
      'ticket_graph.error.codes': ['UPSTREAM_ERROR'],
      'error.type': 'UPSTREAM_ERROR',
    });
    expect(batch.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('keeps out of every span the credentials, the upstream answers and the tickets they hold', async () => {
    const asked = [...refs('sweeppea', 1), ...refs('hostup', 1), ...refs('keliweb', 1), ...refs('kapture', 1)];
    const { data } = await gateway
      .client(Object.fromEntries(Object.entries(gateway.sandbox.keys).map(([name, key]) => [`x-${name}-api-key`, key])))
      .rawRequest<{ tickets: { subject: string }[] }>(TICKETS, { refs: asked });
    const subjects = data.tickets.map((ticket) => ticket.subject);
    expect(subjects).toHaveLength(4);
    const recorded = JSON.stringify(
      spans().map((span) => [span.name, span.attributes, span.events, span.status, span.resource.attributes]),
    );
    for (const secret of [...Object.values(gateway.sandbox.keys), ...subjects]) expect(recorded).not.toContain(secret);
    expect(tries('sweeppea')).toHaveLength(1);
    expect(tries('keliweb')).toHaveLength(1);
  });

  it("keeps each request's calls in its own trace while they wait in turn for Sweeppea's one slot", async () => {
    const numbers = gateway.sandbox.ticketNumbers('sweeppea').slice(0, 4);
    const traces = ['1'.repeat(32), '2'.repeat(32)];
    gateway.sandbox.setLatency('sweeppea', 20);
    await Promise.all(
      traces.map((traceId, index) =>
        gateway.client({ traceparent: `00-${traceId}-${CALLER_SPAN}-01` }).rawRequest(TICKETS, {
          refs: numbers.slice(index * 2, index * 2 + 2).map((number) => ({ provider: 'SWEEPPEA', number })),
        }),
      ),
    );
    expect(gateway.sandbox.calls('sweeppea')).toBe(4);
    // Each call, found by the ticket number in its body, carried the trace of the request that asked for it.
    const carried = gateway.sandbox.requests.map((request) => {
      const asked = numbers.findIndex((number) => request.body.includes(number));
      return [asked, String(request.headers.traceparent).split('-')[1]];
    });
    expect(carried.sort()).toEqual([
      [0, traces[0]],
      [1, traces[0]],
      [2, traces[1]],
      [3, traces[1]],
    ]);
    for (const span of tries('sweeppea')) {
      const parent = spans().find((other) => other.spanContext().spanId === span.parentSpanContext?.spanId);
      expect(parent?.name).toBe('load tickets');
      expect(parent?.spanContext().traceId).toBe(span.spanContext().traceId);
    }
  });
});

describe('traces of a list', () => {
  const listed = new InMemorySpanExporter();
  let v2: Gateway;
  beforeAll(async () => {
    v2 = await startGateway({ env: { ...TRACING, HOSTUP_API: 'v2' }, spanProcessor: new SimpleSpanProcessor(listed) });
  });
  afterAll(() => v2.close());

  it('makes a span of a page, its calls under it, each path without its query string', async () => {
    const first = await v2.client().rawRequest<{ ticketList: { pageInfo: { endCursor: string } } }>(LIST, {
      provider: 'HOSTUP',
      first: 5,
    });
    listed.reset();
    v2.sandbox.reset();
    await v2
      .client()
      .rawRequest(LIST, { provider: 'HOSTUP', first: 5, after: first.data.ticketList.pageInfo.endCursor });
    const [page, ...others] = listed.getFinishedSpans().filter((span) => span.name === 'list tickets');
    expect(others).toEqual([]);
    expect(page!.attributes).toEqual({
      'ticket_graph.provider': 'hostup',
      'ticket_graph.list.first': 5,
      'ticket_graph.list.tickets': 5,
    });
    const calls = listed
      .getFinishedSpans()
      .filter((span) => span.parentSpanContext?.spanId === page!.spanContext().spanId);
    expect(calls.length).toBe(v2.sandbox.calls('hostup'));
    expect(v2.sandbox.requests.every((request) => request.path.includes('cursor='))).toBe(true);
    expect(calls.map((span) => span.attributes['url.path'])).toEqual(calls.map(() => '/api/v2/support/tickets'));
  });
});

describe('with tracing off', () => {
  const none = new InMemorySpanExporter();
  let off: Gateway;
  beforeAll(async () => {
    off = await startGateway({ spanProcessor: new SimpleSpanProcessor(none) });
  });
  afterAll(() => off.close());

  it("makes no span and sends no traceparent, not even a caller's", async () => {
    const { errors } = await off
      .client({ traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` })
      .rawRequest(TICKETS, { refs: [...refs('kapture', 2, off), ...refs('hostup', 1, off)] });
    expect(errors).toBeUndefined();
    expect(off.sandbox.requests).toHaveLength(2);
    expect(off.sandbox.requests.map((request) => request.headers.traceparent)).toEqual([undefined, undefined]);
    expect(none.getFinishedSpans()).toEqual([]);
  });
});
