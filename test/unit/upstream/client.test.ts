import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildConnector } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createUpstreamClient } from '../../../src/upstream/client.js';
import type { UpstreamClient } from '../../../src/upstream/types.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

interface ServeOptions {
  retries?: number;
  connect?: buildConnector.connector;
  timeoutMs?: number;
  queueTimeoutMs?: number;
  maxConcurrency?: number;
  maxBodyBytes?: number;
}

async function serve(handler: Handler, options: ServeOptions = {}) {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const client: UpstreamClient = createUpstreamClient({
    provider: 'hostup',
    baseUrl: `http://127.0.0.1:${port}/prefix/`,
    timeoutMs: options.timeoutMs ?? 2_000,
    maxConcurrency: options.maxConcurrency ?? 4,
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes }),
    ...(options.queueTimeoutMs !== undefined && { queueTimeoutMs: options.queueTimeoutMs }),
    ...(options.retries !== undefined && { retries: options.retries }),
    ...(options.connect && { connect: options.connect }),
  });
  cleanups.push(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return client;
}

describe('createUpstreamClient', () => {
  it('sends the request under the base URL prefix and returns status, headers and parsed JSON', async () => {
    let seen: { method?: string; url?: string; auth?: string | undefined; body?: string } = {};
    const client = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        seen = { method: request.method, url: request.url, auth: request.headers['x-api-key'] as string, body };
        response
          .writeHead(404, { 'content-type': 'application/json', 'x-request-id': 'r1' })
          .end('{"error":"Not Found"}');
      });
    });
    const answer = await client.request({
      method: 'POST',
      path: '/a/b%2Fc',
      headers: { 'x-api-key': 'k' },
      body: '{"x":1}',
    });
    expect(seen).toEqual({ method: 'POST', url: '/prefix/a/b%2Fc', auth: 'k', body: '{"x":1}' });
    expect(answer.status).toBe(404);
    expect(answer.headers['x-request-id']).toBe('r1');
    expect(answer.body).toEqual({ error: 'Not Found' });
  });

  it('answers UPSTREAM_INVALID_RESPONSE for a success whose body is not JSON', async () => {
    const client = await serve((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome'),
    );
    await expect(client.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      provider: 'hostup',
      upstreamStatus: 200,
    });
  });

  it('returns the status of an error page that is not JSON, without its body, for the provider to map', async () => {
    const client = await serve((_request, response) =>
      response.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway'),
    );
    const answer = await client.request({ method: 'GET', path: '/' });
    expect(answer).toMatchObject({ status: 502, body: undefined });
  });

  it('refuses a body over the size cap instead of buffering it', async () => {
    const client = await serve(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`"${'x'.repeat(64 * 1024)}"`);
      },
      { maxBodyBytes: 1024 },
    );
    await expect(client.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
    });
  });

  it('answers UPSTREAM_TIMEOUT when the upstream does not answer within the deadline', async () => {
    const client = await serve(() => undefined, { timeoutMs: 150 });
    await expect(client.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      provider: 'hostup',
    });
  });

  it('answers UPSTREAM_ERROR when the connection is refused', async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const client = createUpstreamClient({
      provider: 'kapture',
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 2_000,
      maxConcurrency: 1,
    });
    cleanups.push(() => client.close());
    await expect(client.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      provider: 'kapture',
    });
  });

  it('keeps at most maxConcurrency calls in flight, across callers', async () => {
    let inFlight = 0;
    let peak = 0;
    const client = await serve(
      (_request, response) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        setTimeout(() => {
          inFlight -= 1;
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        }, 10);
      },
      { maxConcurrency: 2 },
    );
    await Promise.all(Array.from({ length: 8 }, () => client.request({ method: 'GET', path: '/' })));
    expect(peak).toBe(2);
  });

  it("starts a call's deadline when it holds a slot, so calls queued behind a slow one still succeed", async () => {
    let received = 0;
    const client = await serve(
      (_request, response) => {
        received += 1;
        setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 60);
      },
      { maxConcurrency: 1, timeoutMs: 150, queueTimeoutMs: 5_000 },
    );
    // Six calls of 60 ms each, one at a time: the last waits about 300 ms, twice its own deadline.
    const answers = await Promise.all(Array.from({ length: 6 }, () => client.request({ method: 'GET', path: '/' })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(received).toBe(6);
  });

  it('gives up on a call that waits past the queue timeout, and never sends it', async () => {
    let received = 0;
    const client = await serve(
      () => {
        received += 1;
      },
      { maxConcurrency: 1, timeoutMs: 400, queueTimeoutMs: 100 },
    );
    const first = client.request({ method: 'GET', path: '/first' });
    const queued = client.request({ method: 'GET', path: '/queued' });
    await expect(queued).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      provider: 'hostup',
      message: expect.stringMatching(/no free call slot within 100 ms/),
    });
    await expect(first).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      message: expect.stringMatching(/within 400 ms/),
    });
    // The slot is free again: a later call is sent (and times out, as the server never answers),
    // while the abandoned one never was.
    const later = client.request({ method: 'GET', path: '/later' }).catch((error: unknown) => error);
    await expect(later).resolves.toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(received).toBe(2);
  });

  describe('trying a call again', () => {
    /** undici's own connector, refusing the first `refusals` connections as a closed port would. */
    function refusingConnector(refusals: number) {
      const real = buildConnector({});
      const state = { attempts: 0 };
      const connect: buildConnector.connector = (options, callback) => {
        state.attempts += 1;
        if (state.attempts <= refusals) {
          callback(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), null);
          return;
        }
        real(options, callback);
      };
      return { connect, state };
    }
    const ok = (_request: IncomingMessage, response: ServerResponse) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');

    it.each([
      ['a read', false],
      ['a write', true],
    ])('sends %s again when the connection failed before anything was sent', async (_case, write) => {
      let received = 0;
      const { connect, state } = refusingConnector(2);
      const client = await serve(
        (request, response) => {
          received += 1;
          ok(request, response);
        },
        { retries: 2, connect },
      );
      const answer = await client.request({ method: 'POST', path: '/', body: '{}', write });
      expect(answer.status).toBe(200);
      expect({ connections: state.attempts, received }).toEqual({ connections: 3, received: 1 });
    });

    it('gives up after UPSTREAM_RETRIES further tries', async () => {
      const { connect, state } = refusingConnector(10);
      const client = await serve(ok, { retries: 2, connect });
      await expect(client.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
        code: 'UPSTREAM_ERROR',
        provider: 'hostup',
      });
      expect(state.attempts).toBe(3);
    });

    it('calls a write that never got a connection retryable: nothing was sent', async () => {
      const { connect } = refusingConnector(10);
      const client = await serve(ok, { retries: 0, connect });
      await expect(client.request({ method: 'POST', path: '/', body: '{}', write: true })).rejects.toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: true,
        message: 'hostup could not be reached',
      });
    });

    it('calls a write that waited past the queue timeout retryable: it never left the gateway', async () => {
      let received = 0;
      const client = await serve(
        () => {
          received += 1;
        },
        { maxConcurrency: 1, timeoutMs: 400, queueTimeoutMs: 100 },
      );
      const first = client.request({ method: 'POST', path: '/first', body: '{}', write: true });
      const queued = client.request({ method: 'POST', path: '/queued', body: '{}', write: true });
      await expect(queued).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT', retryable: true });
      await expect(first).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT', retryable: false });
      expect(received).toBe(1);
    });

    it('calls a read that timed out or lost its connection retryable: reading again changes nothing', async () => {
      const stalled = await serve(() => undefined, { timeoutMs: 150 });
      await expect(stalled.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
        code: 'UPSTREAM_TIMEOUT',
        retryable: true,
      });
      const { handler } = dropping(10);
      const dropped = await serve(handler, { retries: 0 });
      await expect(dropped.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: true,
      });
    });

    /** A server that drops the connection of its first `drops` requests after reading them. */
    function dropping(drops: number) {
      const state = { received: 0 };
      const handler = (request: IncomingMessage, response: ServerResponse) => {
        state.received += 1;
        if (state.received <= drops) request.socket.destroy();
        else ok(request, response);
      };
      return { handler, state };
    }

    it('sends a read again when the connection closed under it', async () => {
      const { handler, state } = dropping(1);
      const client = await serve(handler, { retries: 2 });
      await expect(client.request({ method: 'POST', path: '/', body: '{}' })).resolves.toMatchObject({ status: 200 });
      expect(state.received).toBe(2);
    });

    it('never sends a write again once it may have reached the upstream', async () => {
      const { handler, state } = dropping(1);
      const client = await serve(handler, { retries: 2 });
      await expect(client.request({ method: 'POST', path: '/', body: '{}', write: true })).rejects.toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: false,
        message: expect.stringMatching(/the change may have been made/),
      });
      expect(state.received).toBe(1);
    });

    it('never sends a write again after its deadline passed or an error status came back', async () => {
      let received = 0;
      const slow = await serve(
        () => {
          received += 1;
        },
        { retries: 2, timeoutMs: 150 },
      );
      await expect(slow.request({ method: 'POST', path: '/', body: '{}', write: true })).rejects.toMatchObject({
        code: 'UPSTREAM_TIMEOUT',
        retryable: false,
        message: expect.stringMatching(/the change may have been made/),
      });
      expect(received).toBe(1);

      let failed = 0;
      const failing = await serve(
        (_request, response) => {
          failed += 1;
          response.writeHead(500, { 'content-type': 'application/json' }).end('{}');
        },
        { retries: 2 },
      );
      await expect(failing.request({ method: 'POST', path: '/', body: '{}', write: true })).resolves.toMatchObject({
        status: 500,
      });
      expect(failed).toBe(1);
    });
  });

  describe('sending a read again for its answer', () => {
    /** Answers with each of `answers` in turn (status and headers), then 200; counts calls. */
    function sequence(...answers: [number, Record<string, string>?][]) {
      const state = { received: 0 };
      const handler = (_request: IncomingMessage, response: ServerResponse) => {
        const [status, headers] = answers[state.received] ?? [200];
        state.received += 1;
        response.writeHead(status, { 'content-type': 'application/json', ...headers }).end('{}');
      };
      return { handler, state };
    }

    it.each([429, 502, 503, 504])('sends a read again after %i, until it succeeds', async (status) => {
      const { handler, state } = sequence([status, { 'retry-after': '0' }], [status]);
      const client = await serve(handler, { retries: 2 });
      await expect(client.request({ method: 'POST', path: '/', body: '{}' })).resolves.toMatchObject({ status: 200 });
      expect(state.received).toBe(3);
    });

    it('retries within its own slot: a retry does not queue again behind the others while its deadline runs', async () => {
      let received = 0;
      const client = await serve(
        (_request, response) => {
          received += 1;
          const status = received === 1 ? 503 : 200;
          setTimeout(
            () => response.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' }).end('{}'),
            60,
          );
        },
        { maxConcurrency: 1, timeoutMs: 400, retries: 2 },
      );
      // Eight calls of 60 ms one at a time: re-queued behind the other seven, the retried first
      // call would wait about 420 ms, past its 400 ms deadline.
      const answers = await Promise.all(Array.from({ length: 8 }, () => client.request({ method: 'GET', path: '/' })));
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
      expect(received).toBe(9);
    });

    it('stops after UPSTREAM_RETRIES further tries and hands the last answer back', async () => {
      const { handler, state } = sequence([503], [503], [503], [503]);
      const client = await serve(handler, { retries: 2 });
      await expect(client.request({ method: 'GET', path: '/' })).resolves.toMatchObject({ status: 503 });
      expect(state.received).toBe(3);
    });

    it.each([400, 401, 404, 500, 501])('does not send a read again after %i', async (status) => {
      const { handler, state } = sequence([status]);
      const client = await serve(handler, { retries: 2 });
      await expect(client.request({ method: 'GET', path: '/' })).resolves.toMatchObject({ status });
      expect(state.received).toBe(1);
    });

    it('never sends a write again for its answer, even a 503', async () => {
      const { handler, state } = sequence([503, { 'retry-after': '0' }]);
      const client = await serve(handler, { retries: 2 });
      await expect(client.request({ method: 'POST', path: '/', body: '{}', write: true })).resolves.toMatchObject({
        status: 503,
      });
      expect(state.received).toBe(1);
    });

    it('honours Retry-After as an HTTP date: one a minute away is past the cap, so not waited', async () => {
      // Were the date not read, the backoff would send the call again.
      const { handler, state } = sequence([429, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }]);
      const client = await serve(handler, { retries: 1 });
      await expect(client.request({ method: 'GET', path: '/' })).resolves.toMatchObject({ status: 429 });
      expect(state.received).toBe(1);
    });

    it('hands a 429 back at once when its Retry-After is past the cap', async () => {
      const { handler, state } = sequence([429, { 'retry-after': '60' }]);
      const client = await serve(handler, { retries: 2 });
      await expect(client.request({ method: 'GET', path: '/' })).resolves.toMatchObject({ status: 429 });
      expect(state.received).toBe(1);
    });

    it('hands the answer back at once when the wait would pass the deadline', async () => {
      const { handler, state } = sequence([503, { 'retry-after': '2' }]);
      const client = await serve(handler, { retries: 2, timeoutMs: 1_000 });
      await expect(client.request({ method: 'GET', path: '/' })).resolves.toMatchObject({ status: 503 });
      expect(state.received).toBe(1);
    });

    it('reads the wait where the provider says it, when the request names the place', async () => {
      const { handler, state } = sequence([429, { 'retry-after': '60' }]);
      const client = await serve(handler, { retries: 1 });
      // The header asks for 60 s, past the cap; the provider's own field says 0.
      const answer = await client.request({ method: 'GET', path: '/', retryAfterOf: () => 0 });
      expect(answer.status).toBe(200);
      expect(state.received).toBe(2);
    });
  });

  it('closes as `await using` ends: its connections end, and a later call is never sent', async () => {
    let received = 0;
    const closed: Promise<unknown>[] = [];
    const client = await serve((request, response) => {
      received += 1;
      closed.push(once(request.socket, 'close'));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    {
      await using used = client;
      await expect(used.request({ method: 'GET', path: '/' })).resolves.toMatchObject({ status: 200 });
    }
    await Promise.all(closed);
    await expect(client.request({ method: 'GET', path: '/' })).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    expect({ received, connections: closed.length }).toEqual({ received: 1, connections: 1 });
  });

  it('rejects the calls still queued when it closes, rather than leaving them to their queue timeout', async () => {
    const client = await serve(() => undefined, { maxConcurrency: 1, timeoutMs: 300, queueTimeoutMs: 30_000 });
    const first = client.request({ method: 'GET', path: '/' }).catch((error: unknown) => error);
    const queued = client.request({ method: 'GET', path: '/' }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The pool closes once the call in flight ends (its 300 ms deadline); the queued one is
    // refused at once, not 30 s later.
    const closing = client.close();
    await expect(Promise.race([queued, closing.then(() => 'closed first')])).resolves.toMatchObject({
      code: 'UPSTREAM_ERROR',
      message: expect.stringMatching(/shutting down/),
    });
    await Promise.all([first, closing]);
  });
});
