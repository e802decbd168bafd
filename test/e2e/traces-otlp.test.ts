import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { until } from '../until.js';
import { spawnMain } from './main-process.js';

/**
 * The gateway as `npm start` runs it, exporting to a real OTLP/HTTP receiver on loopback: what
 * reaches the receiver is what a collector (Jaeger, the OpenTelemetry Collector) would get.
 */

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const QUERY = 'query One($n: String!) { ticket(provider: KAPTURE, number: $n) { number } }';
/** A process of its own starts through tsx, which on a busy 2-core machine takes many seconds. */
const PROCESS_MS = 60_000;

interface Export {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A receiver of OTLP/HTTP exports: it keeps each POST and answers it as a collector does. */
async function startReceiver(): Promise<{ url: string; exports: Export[]; server: Server }> {
  const exports: Export[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    exports.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
    const json = request.headers['content-type'] === 'application/json';
    response.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
    response.end(json ? '{}' : '');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, exports, server };
}

/** Runs the gateway process with `env`, asks one Kapture ticket under the caller's trace, stops it, and waits for its exit. */
async function runOnce(sandbox: Sandbox, env: Record<string, string>): Promise<number | null> {
  const { child, url, exited } = await spawnMain(sandbox, env, 'ignore');
  await until(async () => (await fetch(`${url}/health`)).status === 200, PROCESS_MS);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` },
    body: JSON.stringify({ query: QUERY, variables: { n: sandbox.ticketNumbers('kapture')[0] } }),
  });
  expect(await response.json()).toMatchObject({ data: { ticket: { number: sandbox.ticketNumbers('kapture')[0] } } });
  child.kill('SIGTERM');
  return exited;
}

interface JsonSpan {
  readonly traceId: string;
  readonly name: string;
  readonly attributes: readonly { key: string; value: Record<string, unknown> }[];
}
interface JsonExport {
  readonly resourceSpans: readonly {
    resource: { attributes: readonly { key: string; value: { stringValue?: string } }[] };
    scopeSpans: readonly { scope: { name: string }; spans: readonly JsonSpan[] }[];
  }[];
}

let sandbox: Sandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sandbox = await startSandbox();
  receiver = await startReceiver();
});
afterAll(async () => {
  receiver.server.closeAllConnections();
  await new Promise((resolve) => receiver.server.close(resolve));
  await sandbox.close();
});
afterEach(() => {
  receiver.exports.length = 0;
  sandbox.reset();
});

describe('OTLP export to a receiver on loopback', () => {
  it(
    'sends every span of the operation over OTLP/HTTP JSON by the time the gateway has stopped, with the configured headers and service name',
    async () => {
      const code = await runOnce(sandbox, {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20collector-key',
        OTEL_SERVICE_NAME: 'ticket-graph-e2e',
        OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=test',
      });
      expect(code).toBe(0);
      expect(sandbox.calls('kapture')).toBe(1);
      expect(receiver.exports.length).toBeGreaterThan(0);
      for (const sent of receiver.exports) {
        expect(sent.path).toBe('/v1/traces');
        expect(sent.headers).toMatchObject({
          'content-type': 'application/json',
          authorization: 'Bearer collector-key',
        });
      }
      const resources = receiver.exports.flatMap(
        (sent) => (JSON.parse(sent.body.toString('utf8')) as JsonExport).resourceSpans,
      );
      for (const { resource } of resources) {
        const attributes = Object.fromEntries(resource.attributes.map(({ key, value }) => [key, value.stringValue]));
        expect(attributes).toMatchObject({ 'service.name': 'ticket-graph-e2e', 'deployment.environment': 'test' });
      }
      const spans = resources.flatMap(({ scopeSpans }) =>
        scopeSpans.flatMap(({ scope, spans }) => spans.map((span) => ({ scope: scope.name, ...span }))),
      );
      expect(spans.map((span) => [span.scope, span.name]).sort()).toEqual([
        ['@envelop/opentelemetry', 'query.One'],
        ['ticket-graph', 'POST kapture'],
        ['ticket-graph', 'load tickets'],
      ]);
      expect(spans.every((span) => span.traceId.toLowerCase() === TRACE_ID)).toBe(true);
      const call = spans.find((span) => span.name === 'POST kapture')!;
      expect(call.attributes).toContainEqual({ key: 'http.response.status_code', value: { intValue: 200 } });
      expect(String(sandbox.requests[0]?.headers.traceparent)).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    },
    PROCESS_MS,
  );

  it(
    'sends them as OTLP/HTTP protobuf by default',
    async () => {
      const code = await runOnce(sandbox, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/custom/traces` });
      expect(code).toBe(0);
      expect(receiver.exports.length).toBeGreaterThan(0);
      for (const sent of receiver.exports) {
        expect(sent.path).toBe('/custom/traces');
        expect(sent.headers['content-type']).toBe('application/x-protobuf');
      }
      // Protobuf keeps ids as raw bytes and names as UTF-8: each is found as it is.
      const body = Buffer.concat(receiver.exports.map((sent) => sent.body));
      expect(body.includes(Buffer.from(TRACE_ID, 'hex'))).toBe(true);
      for (const name of ['query.One', 'load tickets', 'POST kapture', 'ticket-graph'])
        expect(body.includes(Buffer.from(name))).toBe(true);
    },
    PROCESS_MS,
  );
});
