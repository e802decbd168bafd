import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostileHostup, type HostileHostup } from '../hostile-hostup.js';
import { until } from '../until.js';
import { startGateway, type Gateway } from './harness.js';

type Data = Record<string, { number: string; body?: string } | null> & { tickets?: ({ number: string } | null)[] };

const TICKETS = /* GraphQL */ `
  query Tickets($refs: [TicketRef!]!) { tickets(refs: $refs) { number } }
`;

let gateway: Gateway | undefined;
let hostile: HostileHostup | undefined;
afterEach(async () => {
  await gateway?.close();
  await hostile?.close();
  gateway = hostile = undefined;
});

/** The gateway with HostUp pointed at a hostile loopback upstream, one call at a time so the order is known. */
async function againstHostile(options: Parameters<typeof startHostileHostup>[0], env: Record<string, string>) {
  hostile = await startHostileHostup(options);
  const url = hostile.url;
  gateway = await startGateway({
    env: { HOSTUP_MAX_CONCURRENCY: '1', ...env },
    adjust: (config) => ({
      ...config,
      providers: { ...config.providers, hostup: { ...config.providers.hostup, baseUrl: url } },
    }),
  });
  return { gateway, hostile };
}

const refs = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ provider: 'HOSTUP', number: String(700_001 + i) }));

describe("a request's budget of upstream bytes", () => {
  it('reads tickets until the budget is spent, fails the rest alone, and sends none past it', async () => {
    // 300,000-character bodies: three answers fit in 1 MiB, the fourth passes it.
    const { gateway, hostile } = await againstHostile(
      { bodyChars: 300_000 },
      { UPSTREAM_MAX_BYTES_PER_REQUEST: '1048576' },
    );
    const { data, errors } = await gateway.client().rawRequest<Data>(TICKETS, { refs: refs(10) });
    const read = data.tickets!.map((ticket) => ticket?.number ?? null);
    expect(read).toEqual(['700001', '700002', '700003', null, null, null, null, null, null, null]);
    expect(errors).toHaveLength(7);
    for (const error of errors!) {
      expect(error).toMatchObject({
        extensions: { code: 'UPSTREAM_ERROR', provider: 'hostup', retryable: false },
        message: expect.stringMatching(/read its 1048576 bytes of upstream answers \(UPSTREAM_MAX_BYTES_PER_REQUEST\)/),
      });
    }
    expect(hostile.asked).toEqual(['700001', '700002', '700003', '700004']);
    // The budget is the request's: the next one reads its tickets.
    const next = await gateway.client().rawRequest<Data>(TICKETS, { refs: refs(2) });
    expect(next.errors).toBeUndefined();
    expect(hostile.asked).toHaveLength(6);
  });
});

describe('the size of a response', () => {
  it('refuses a response over RESPONSE_MAX_BYTES with one BAD_USER_INPUT error, and serves the next request', async () => {
    const { gateway, hostile } = await againstHostile({ bodyChars: 300_000 }, { RESPONSE_MAX_BYTES: '1048576' });
    // One ticket of 300 KB, written four times over by aliases: 1.2 MB.
    const field = (alias: string) => `${alias}: ticket(provider: HOSTUP, number: "700001") { number body }`;
    const query = `{ ${['a', 'b', 'c', 'd'].map(field).join(' ')} }`;
    const { data, errors } = await gateway.client().rawRequest<Data>(query);
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        message:
          'The response would be over 1048576 bytes (RESPONSE_MAX_BYTES): ask for fewer tickets or fields at once',
        extensions: { code: 'BAD_USER_INPUT', retryable: false },
      }),
    ]);
    expect(hostile.asked).toEqual(['700001']);
    const three = await gateway.client().rawRequest<Data>(`{ ${['a', 'b', 'c'].map(field).join(' ')} }`);
    expect(three.errors).toBeUndefined();
    expect(three.data.c!.body).toHaveLength(300_000);
  });

  it('counts the parts of a deferred answer together, and ends it with the error at the part that passes', async () => {
    const { gateway } = await againstHostile({ bodyChars: 300_000 }, { RESPONSE_MAX_BYTES: '1048576' });
    const field = (alias: string) => `${alias}: ticket(provider: HOSTUP, number: "700001") { body }`;
    const deferred = ['b', 'c', 'd', 'e'].map(field).join(' ');
    const query = `{ a: ticket(provider: HOSTUP, number: "700001") { number } ... @defer { ${deferred} } }`;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query }),
    });
    // Server-sent events: each `next` event's data line is one part.
    const parts = (await response.text())
      .split('\n\n')
      .filter((event) => event.startsWith('event: next'))
      .map((event) => JSON.parse(event.slice(event.indexOf('data: ') + 'data: '.length)));
    expect(parts).toEqual([
      { data: { a: { number: '700001' } }, hasNext: true },
      {
        errors: [
          expect.objectContaining({ message: expect.stringMatching(/over 1048576 bytes \(RESPONSE_MAX_BYTES\)/) }),
        ],
        hasNext: false,
      },
    ]);
  });
});

/**
 * Asks for one ticket three times, past a breaker threshold of two: each time the ticket alone is
 * refused with `message`, and the provider's circuit stays closed.
 */
async function expectRefusedThriceCircuitClosed(gateway: Gateway, message: string, extra: Record<string, unknown>) {
  for (let request = 0; request < 3; request += 1) {
    const { data, errors } = await gateway.client().rawRequest<Data>(TICKETS, { refs: refs(1) });
    expect(data.tickets).toEqual([null]);
    expect(errors).toEqual([
      expect.objectContaining({
        message,
        path: ['tickets', 0],
        extensions: { code: 'UPSTREAM_INVALID_RESPONSE', provider: 'hostup', ...extra, retryable: false },
      }),
    ]);
  }
  expect(gateway.app.providers.get('hostup').circuit()).toMatchObject({ state: 'CLOSED', consecutiveFailures: 0 });
}

describe('an upstream answer with oversize headers', () => {
  it('is UPSTREAM_INVALID_RESPONSE at its path, and never opens the circuit', async () => {
    const padding = { 'x-padding': 'x'.repeat(100 * 1024) };
    const { gateway, hostile } = await againstHostile(
      { bodyChars: 10, headers: padding },
      { UPSTREAM_BREAKER_FAILURES: '2' },
    );
    await expectRefusedThriceCircuitClosed(gateway, 'hostup answered with headers over 16384 bytes', {});
    expect(hostile.asked).toHaveLength(3);
  });
});

describe('an upstream answer of more objects than a ticket could need', () => {
  it('is refused before it is parsed: UPSTREAM_INVALID_RESPONSE at its path, and never opens the circuit', async () => {
    // 150,000 empty objects: about 450 KB of text, many times that in heap once parsed.
    const { gateway } = await againstHostile(
      { bodyChars: 10, junkObjects: 150_000 },
      { UPSTREAM_BREAKER_FAILURES: '2' },
    );
    await expectRefusedThriceCircuitClosed(gateway, 'hostup answered with more than 100000 JSON objects and arrays', {
      upstreamStatus: 200,
    });
  });

  it('reads an answer of many objects under the bound', async () => {
    const { gateway } = await againstHostile({ bodyChars: 300_000, junkObjects: 90_000 }, {});
    const { data, errors } = await gateway.client().rawRequest<Data>(TICKETS, { refs: refs(1) });
    expect(errors).toBeUndefined();
    expect(data.tickets).toEqual([{ number: '700001' }]);
  });
});

describe('a client that never reads its answer', () => {
  it('is disconnected once it has taken nothing of its answer for SERVER_REQUEST_TIMEOUT_MS, freeing it', async () => {
    // Ten tickets of 2.5 MB: an answer larger than what loopback's socket buffers hold.
    const { gateway } = await againstHostile({ bodyChars: 2_500_000 }, { SERVER_REQUEST_TIMEOUT_MS: '1000' });
    const body = JSON.stringify({
      query: 'query($refs: [TicketRef!]!) { tickets(refs: $refs) { body } }',
      variables: { refs: refs(10) },
    });
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => {});
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    socket.pause();
    await until(() => gateway.openConnections() === 1);
    // The gateway lets go only when it gives up on the client: before, it held socket and answer for good.
    await until(() => gateway.openConnections() === 0, 15_000);
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.resume();
    await new Promise((resolve) => socket.once('close', resolve));
    // What the kernel's buffers held when the gateway cut it off: a part of the 25 MB answer.
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(25_000_000);
    const { data } = await gateway.client().rawRequest<Data>(TICKETS, { refs: refs(1) });
    expect(data.tickets).toEqual([{ number: '700001' }]);
  });
});
