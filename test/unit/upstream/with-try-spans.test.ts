import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { UpstreamTimeoutError } from '../../../src/domain/errors.js';
import type { CircuitState } from '../../../src/domain/model.js';
import type { TimedCall } from '../../../src/upstream/layer.js';
import type { UpstreamRequest, UpstreamResponse } from '../../../src/upstream/types.js';
import { withTrySpans } from '../../../src/upstream/with-try-spans.js';

function traced(outcome: UpstreamResponse | Error, circuit: CircuitState = 'CLOSED') {
  const exporter = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer('test');
  const sent: UpstreamRequest[] = [];
  const next: TimedCall = async (request) => {
    sent.push(request);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  const call = withTrySpans(next, tracer, {
    provider: 'hostup',
    baseUrl: 'https://cloud.example.com/prefix/',
    circuit: () => circuit,
  });
  return { call, sent, spans: () => exporter.getFinishedSpans() };
}

const answer = (status: number): UpstreamResponse => ({ status, headers: {}, body: undefined });
const WRITE: UpstreamRequest = {
  method: 'POST',
  path: '/api/v2/support/tickets/7/messages?notify=1',
  headers: { authorization: 'Bearer s3cret', 'content-type': 'application/json' },
  body: '{"body":"hello"}',
  write: true,
};

describe('withTrySpans', () => {
  it("sends the try's traceparent beside the call's own headers, and keeps them out of the span", async () => {
    const { call, sent, spans } = traced(answer(201), 'HALF_OPEN');
    await call(WRITE, Date.now() + 1000, 0);
    const [span] = spans();
    expect(sent[0]!.headers).toEqual({
      authorization: 'Bearer s3cret',
      'content-type': 'application/json',
      traceparent: `00-${span!.spanContext().traceId}-${span!.spanContext().spanId}-01`,
    });
    expect(span!.kind).toBe(SpanKind.CLIENT);
    expect(span!.attributes).toEqual({
      'ticket_graph.provider': 'hostup',
      'http.request.method': 'POST',
      'server.address': 'cloud.example.com',
      'server.port': 443,
      'url.scheme': 'https',
      'url.path': '/prefix/api/v2/support/tickets/7/messages',
      'ticket_graph.upstream.attempt': 1,
      'ticket_graph.circuit.state': 'HALF_OPEN',
      'ticket_graph.upstream.write': true,
      'http.response.status_code': 201,
    });
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('fails a try answered 404 by its status, and counts a third try as the second resend', async () => {
    const { call, spans } = traced(answer(404));
    await call({ method: 'GET', path: '/t/1' }, Date.now() + 1000, 2);
    expect(spans()[0]!.attributes).toMatchObject({
      'ticket_graph.upstream.attempt': 3,
      'http.request.resend_count': 2,
      'http.response.status_code': 404,
      'error.type': '404',
    });
    expect(spans()[0]!.status).toEqual({ code: SpanStatusCode.ERROR, message: '404' });
  });

  it('fails a try with no answer by its gateway code alone, not its message', async () => {
    const { call, spans } = traced(
      new UpstreamTimeoutError('hostup did not answer within 10000 ms', { provider: 'hostup' }),
    );
    await expect(call({ method: 'GET', path: '/t/1' }, Date.now() + 1000)).rejects.toThrow(UpstreamTimeoutError);
    const [span] = spans();
    expect(span!.attributes['error.type']).toBe('UPSTREAM_TIMEOUT');
    expect(span!.attributes['http.response.status_code']).toBeUndefined();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'UPSTREAM_TIMEOUT' });
    expect(span!.events).toEqual([]);
  });
});
