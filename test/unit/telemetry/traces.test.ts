import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceSettings } from '../../../src/config.js';
import { createTracing } from '../../../src/telemetry/traces.js';

function capturingLogger() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const SETTINGS: TraceSettings = {
  serviceName: 'ticket-graph',
  resourceAttributes: {},
  sampler: 'parentbased_always_on',
  samplerRatio: 1,
  protocol: 'http/json',
  url: 'http://127.0.0.1:1/v1/traces',
  headers: {},
};

/** A collector on loopback answering each export with `status`, as the test sets it. */
let status = 400;
let received = 0;
const collector = createServer((request, response) => {
  received += 1;
  request.resume().on('end', () => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(status === 200 ? '{}' : '{"code":3,"message":"refused"}');
  });
});
let url: string;
beforeAll(async () => {
  collector.listen(0, '127.0.0.1');
  await once(collector, 'listening');
  url = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
});
afterAll(() => new Promise((resolve) => collector.close(resolve)));

describe('createTracing', () => {
  it.each([
    ['always_on', 0, true],
    ['always_off', 1, false],
    ['traceidratio', 1, true],
    ['traceidratio', 0, false],
    ['parentbased_always_on', 0, true],
    ['parentbased_always_off', 1, false],
    ['parentbased_traceidratio', 0, false],
  ] as const)('samples a root span with %s (ratio %d): %s', async (sampler, samplerRatio, recorded) => {
    const { logger } = capturingLogger();
    const exporter = new InMemorySpanExporter();
    const tracing = createTracing(
      { ...SETTINGS, sampler, samplerRatio },
      { logger, processor: new SimpleSpanProcessor(exporter) },
    );
    tracing.tracer.startSpan('root').end();
    // Read before closing: the in-memory exporter forgets its spans when shut down.
    expect(exporter.getFinishedSpans().length).toBe(recorded ? 1 : 0);
    await tracing.close();
  });

  it('names the service and its resource attributes on every span', async () => {
    const { logger } = capturingLogger();
    const exporter = new InMemorySpanExporter();
    const tracing = createTracing(
      { ...SETTINGS, serviceName: 'gw', resourceAttributes: { 'deployment.environment': 'test', 'service.name': 'x' } },
      { logger, processor: new SimpleSpanProcessor(exporter) },
    );
    tracing.tracer.startSpan('root').end();
    expect(exporter.getFinishedSpans()[0]?.resource.attributes).toMatchObject({
      'service.name': 'gw',
      'deployment.environment': 'test',
    });
    await tracing.close();
  });

  it('says once that exports fail, and once that they work again; closing never rejects', async () => {
    const { logger, lines } = capturingLogger();
    const tracing = createTracing({ ...SETTINGS, url }, { logger });
    status = 400;
    received = 0;
    for (const name of ['a', 'b']) {
      tracing.tracer.startSpan(name).end();
      await tracing.forceFlush().catch(() => undefined);
    }
    expect(received).toBe(2);
    status = 200;
    tracing.tracer.startSpan('c').end();
    await tracing.forceFlush();
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [40, 'spans could not be exported'],
      [30, 'spans are exported again'],
    ]);
    status = 400;
    tracing.tracer.startSpan('d').end();
    await expect(tracing.close()).resolves.toBeUndefined();
    expect(lines.at(-1)).toMatchObject({ level: 40, msg: 'the last spans could not be exported' });
    expect(JSON.stringify(lines)).not.toContain('refused');
  });
});
