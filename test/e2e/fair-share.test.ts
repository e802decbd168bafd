import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../until.js';
import { readMetrics } from './metrics.js';
import { startGateway, type Gateway } from './harness.js';

const TICKETS = /* GraphQL */ `
  query Tickets($refs: [TicketRef!]!) { tickets(refs: $refs) { number } }
`;

type Data = { tickets: ({ number: string } | null)[] };

/** DataLoader batches the gateway has handed Sweeppea so far: each request's calls are queued by then. */
async function sweeppeaBatches(gateway: Gateway): Promise<number> {
  const metric = await gateway.app.metrics.promRegistry.getSingleMetric('ticket_graph_loader_batch_size')!.get();
  const counts = metric.values as { metricName?: string; labels: { provider?: string | number }; value: number }[];
  const name = 'ticket_graph_loader_batch_size_count';
  const count = counts.find((value) => value.metricName === name && value.labels.provider === 'sweeppea');
  return count?.value ?? 0;
}

describe("a provider's slots shared between requests", () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.reset());

  // A client chooses its X-Request-Id: sharing the small request's must not put the large ones in its turn.
  it.each([
    ['each request its own id', (): Record<string, string> => ({})],
    [
      "the large requests sending the small one's X-Request-Id",
      (): Record<string, string> => ({ 'x-request-id': 'victim-id' }),
    ],
  ])('serves a one-ticket request after one call of each large request waiting (%s)', async (_, headers) => {
    const batchesBefore = await sweeppeaBatches(gateway);
    const { sandbox } = gateway;
    const unknown = (prefix: string) =>
      Array.from({ length: 30 }, (_, i) => ({ provider: 'SWEEPPEA', number: `${prefix}${i}` }));
    const small = sandbox.ticketNumbers('sweeppea')[0]!;
    // Sweeppea serves one call at a time; held, its first call keeps the slot while the rest queue.
    const release = sandbox.hold('sweeppea');
    const large1 = gateway.client(headers()).rawRequest<Data>(TICKETS, { refs: unknown('NOPEA') });
    await until(() => sandbox.calls('sweeppea') === 1);
    const large2 = gateway.client(headers()).rawRequest<Data>(TICKETS, { refs: unknown('NOPEB') });
    await until(async () => (await sweeppeaBatches(gateway)) === batchesBefore + 2);
    const one = gateway
      .client(headers())
      .rawRequest<Data>(TICKETS, { refs: [{ provider: 'SWEEPPEA', number: small }] });
    await until(async () => (await sweeppeaBatches(gateway)) === batchesBefore + 3);
    release();
    const [first, second, answer] = await Promise.all([large1, large2, one]);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.tickets).toEqual([{ number: small }]);
    expect(first.data.tickets.every((ticket) => ticket === null)).toBe(true);
    expect(second.data.tickets.every((ticket) => ticket === null)).toBe(true);
    const sent = sandbox.requests.filter((request) => request.provider === 'sweeppea');
    expect(sent).toHaveLength(61);
    // The first large request's first call held the slot; then one call of each large request.
    const before = sent.findIndex((request) => request.body.includes(`"${small}"`));
    const served = sent.slice(0, before).map((request) => /NOPE[AB]\d+/.exec(request.body)![0]);
    expect(served).toEqual(['NOPEA0', 'NOPEA1', 'NOPEB0']);
  });
});

describe('a request whose client went away', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ env: { HOSTUP_MAX_CONCURRENCY: '1' } });
  });
  afterAll(() => gateway.close());

  it('sends none of its calls still waiting for a slot, and ends its read in flight', async () => {
    const { sandbox } = gateway;
    const release = sandbox.hold('hostup');
    const refs = Array.from({ length: 30 }, (_, i) => ({ provider: 'HOSTUP', number: String(900_001 + i) }));
    const client = new AbortController();
    const abandoned = fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: TICKETS, variables: { refs } }),
      signal: client.signal,
    }).catch((error: unknown) => error);
    // One call holds HostUp's only slot; the other 29 wait for it.
    await until(() => sandbox.calls('hostup') === 1);
    client.abort();
    await abandoned;
    const metric = async (name: string, labels: Record<string, string>) =>
      (await readMetrics(gateway.url))(name, { provider: 'hostup', ...labels });
    await until(async () => (await metric('ticket_graph_upstream_refused_total', { reason: 'client_gone' })) === 29);
    await until(async () => (await metric('ticket_graph_upstream_requests_total', { outcome: 'cancelled' })) === 1);
    release();
    const { data } = await gateway
      .client()
      .rawRequest<Data>(TICKETS, { refs: [{ provider: 'HOSTUP', number: '616828' }] });
    expect(data.tickets).toEqual([{ number: '616828' }]);
    // The held call, then the next request's: the 29 that waited were never sent.
    expect(sandbox.requests.filter((request) => request.provider === 'hostup').map((request) => request.path)).toEqual([
      '/api/support/tickets/900001',
      '/api/support/tickets/616828',
    ]);
  });
});
