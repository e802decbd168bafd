import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createByteBudget } from '../../../src/upstream/byte-budget.js';
import { createUpstreamClient } from '../../../src/upstream/client.js';
import type { CallTrace, UpstreamClient, UpstreamRefusal } from '../../../src/upstream/types.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A client of a loopback server whose circuit opens after two unhealthy calls, and the server's request count. */
async function serve(
  handler: Handler,
  options: { maxBodyBytes?: number; timeoutMs?: number; maxConcurrency?: number } = {},
) {
  const state = { received: 0, refusals: [] as UpstreamRefusal[] };
  const server = createServer((request, response) => {
    state.received += 1;
    handler(request, response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const client: UpstreamClient = createUpstreamClient({
    provider: 'hostup',
    baseUrl: `http://127.0.0.1:${port}`,
    timeoutMs: options.timeoutMs ?? 2_000,
    maxConcurrency: options.maxConcurrency ?? 4,
    breaker: { failureThreshold: 2, coolDownMs: 60_000 },
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes }),
    observer: { attempted: () => undefined, refused: (refusal) => state.refusals.push(refusal) },
  });
  cleanups.push(async () => {
    await client.close(true);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { client, state };
}

/** A JSON answer stating its length, as most APIs send one. */
const json = (response: ServerResponse, body: string) =>
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);

function traceWithBudget(requestId: string, limit: number): CallTrace {
  return { requestId, attempted: () => undefined, bytes: createByteBudget(limit) };
}

describe('an upstream answer past what the gateway reads', () => {
  it('answers UPSTREAM_INVALID_RESPONSE for a 100 KB header, not "could not be reached"', async () => {
    const { client } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-padding': 'x'.repeat(100 * 1024) }).end('{}');
    });
    await expect(client.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      provider: 'hostup',
      message: 'hostup answered with headers over 16384 bytes',
    });
  });

  it.each([
    [
      'their headers',
      { maxBodyBytes: 10 * 1024 * 1024 },
      (response: ServerResponse) => response.writeHead(200, { 'x-padding': 'x'.repeat(100 * 1024) }).end('{}'),
    ],
    ['their body', { maxBodyBytes: 1024 }, (response: ServerResponse) => json(response, `"${'x'.repeat(64 * 1024)}"`)],
  ])('never opens the circuit for answers refused for the size of %s', async (_case, options, oversize) => {
    let calls = 0;
    const { client, state } = await serve((_request, response) => {
      calls += 1;
      if (calls <= 3) oversize(response);
      else json(response, '{}');
    }, options);
    for (let call = 0; call < 3; call += 1) {
      await expect(client.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
        code: 'UPSTREAM_INVALID_RESPONSE',
      });
    }
    expect(client.circuit()).toMatchObject({ state: 'CLOSED', consecutiveFailures: 0 });
    await expect(client.request({ method: 'GET', path: '/' })).resolves.toMatchObject({ status: 200 });
    expect(state.received).toBe(4);
  });
});

describe("a request's budget of upstream bytes", () => {
  it('cuts an answer as soon as the request has read its budget, without waiting for the rest of the body', async () => {
    // 64 KiB of an endless JSON string, then nothing: a reader that buffered it first would time out.
    const { client } = await serve(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write(`"${'x'.repeat(64 * 1024)}`);
      },
      { timeoutMs: 3_000 },
    );
    const trace = traceWithBudget('r1', 16 * 1024);
    await expect(client.request({ method: 'GET', path: '/', trace })).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      provider: 'hostup',
      message:
        'hostup not read: this request has read its 16384 bytes of upstream answers ' +
        '(UPSTREAM_MAX_BYTES_PER_REQUEST); ask for fewer tickets at once',
    });
  });

  it('reads whole the answers that fit when several stream at once, and refuses the others before reading them', async () => {
    // Four answers of 1,000,002 bytes, stated in Content-Length, read at once under 2.5 MB.
    const { client } = await serve((_request, response) => json(response, `"${'x'.repeat(1_000_000)}"`));
    const trace = traceWithBudget('r1', 2_500_000);
    const call = () =>
      client.request({ method: 'GET', path: '/', trace }).then(
        (answer) => answer.status,
        (error: { code: string }) => error.code,
      );
    const outcomes = await Promise.all([call(), call(), call(), call()]);
    expect(outcomes.sort()).toEqual([200, 200, 'UPSTREAM_ERROR', 'UPSTREAM_ERROR']);
  });

  it("counts every answer of the request; once it is spent, the request's further calls are not sent, others' are", async () => {
    const { client, state } = await serve((_request, response) => json(response, `"${'x'.repeat(10 * 1024)}"`));
    const spending = traceWithBudget('spending', 25 * 1024);
    for (let call = 0; call < 2; call += 1) {
      await expect(client.request({ method: 'GET', path: '/', trace: spending })).resolves.toMatchObject({
        status: 200,
      });
    }
    await expect(client.request({ method: 'GET', path: '/', trace: spending })).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
    });
    expect(state.received).toBe(3);
    await expect(client.request({ method: 'GET', path: '/', trace: spending })).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
    });
    expect(state.received).toBe(3);
    expect(state.refusals).toEqual([{ provider: 'hostup', reason: 'budget_spent', requestId: 'spending' }]);
    await expect(
      client.request({ method: 'GET', path: '/', trace: traceWithBudget('other', 25 * 1024) }),
    ).resolves.toMatchObject({ status: 200 });
    // A request's own budget says nothing of the upstream's health.
    expect(client.circuit()).toMatchObject({ state: 'CLOSED', consecutiveFailures: 0 });
  });

  it("does not send a call that waited for its slot while the request's other call spent the budget", async () => {
    const { client, state } = await serve((_request, response) => json(response, `"${'x'.repeat(10 * 1024)}"`), {
      maxConcurrency: 1,
    });
    const trace = traceWithBudget('r1', 5 * 1024);
    const calls = [
      client.request({ method: 'GET', path: '/', trace }),
      client.request({ method: 'GET', path: '/', trace }),
    ];
    const outcomes = await Promise.all(calls.map((call) => call.catch((error: unknown) => error)));
    expect(outcomes).toMatchObject([
      { code: 'UPSTREAM_ERROR', retryable: false },
      { code: 'UPSTREAM_ERROR', retryable: false },
    ]);
    expect(state.received).toBe(1);
    expect(state.refusals).toEqual([{ provider: 'hostup', reason: 'budget_spent', requestId: 'r1' }]);
  });
});
