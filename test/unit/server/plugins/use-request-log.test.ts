import { createSchema, createYoga, type YogaInitialContext } from 'graphql-yoga';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { type RequestTraceContext, useRequestLog } from '../../../../src/server/plugins/use-request-log.js';
import type { CallTrace } from '../../../../src/upstream/types.js';

function capturingLogger() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** A yoga whose one field makes an upstream call on the trace its context factory was given, as the loaders do. */
function yogaWithRequestLog(upstreamBytesPerRequest?: number) {
  const { logger, lines } = capturingLogger();
  const seen: (CallTrace | undefined)[] = [];
  const schema = createSchema<RequestTraceContext>({
    typeDefs: 'type Query { ticket: String }',
    resolvers: {
      Query: {
        ticket: (_, __, { trace }) => {
          trace?.attempted({
            provider: 'hostup',
            method: 'GET',
            path: '/api/support/tickets/7',
            status: 200,
            outcome: 'answered',
            seconds: 0.01,
            requestId: trace.requestId,
            write: false,
          });
          return 'seven';
        },
      },
    },
  });
  const yoga = createYoga({
    schema,
    logging: false,
    context: ({ trace }: YogaInitialContext & RequestTraceContext) => {
      seen.push(trace);
      return {};
    },
    plugins: [useRequestLog({ logger, upstreamBytesPerRequest })],
  });
  return { yoga, lines, seen };
}

const post = (yoga: ReturnType<typeof yogaWithRequestLog>['yoga'], headers: Record<string, string> = {}) =>
  yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: 'query Read { ticket }' }),
  });

describe('useRequestLog', () => {
  it("hands the context factory the request's trace, and logs the calls made on it", async () => {
    const { yoga, lines, seen } = yogaWithRequestLog();
    const response = await post(yoga, { 'x-request-id': 'req-7' });
    expect(await response.json()).toEqual({ data: { ticket: 'seven' } });
    expect(response.headers.get('x-request-id')).toBe('req-7');
    expect(seen).toEqual([expect.objectContaining({ requestId: 'req-7', signal: expect.any(AbortSignal) })]);
    expect(seen[0]?.bytes).toBeUndefined();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request',
        requestId: 'req-7',
        method: 'POST',
        path: '/graphql',
        operation: 'Read',
        status: 200,
        outcome: 'answered',
        upstreamCalls: { hostup: 1 },
      }),
    ]);
  });

  it('gives each request a trace of its own, with a new id when the caller sent none fit to keep', async () => {
    const { yoga, seen } = yogaWithRequestLog();
    const first = await post(yoga, { 'x-request-id': 'not an id!' });
    const second = await post(yoga);
    const ids = seen.map((trace) => trace?.requestId);
    expect(ids).toEqual([first.headers.get('x-request-id'), second.headers.get('x-request-id')]);
    expect(new Set(ids).size).toBe(2);
    expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id ?? ''))).toBe(true);
  });

  it('bounds the upstream bytes of each request on its trace when asked', async () => {
    const { yoga, seen } = yogaWithRequestLog(1024);
    await post(yoga);
    expect(seen[0]?.bytes).toBeDefined();
  });
});
