import { once } from 'node:events';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { startGateway } from './harness.js';

/**
 * Hostile review of `ticketList` (issue 17): each test shows a defect found by attacking the
 * gateway over real HTTP. They fail on the branch as reviewed.
 */

interface Answer {
  status: number;
  data: Record<string, any> | null;
  errors: GraphQLError[];
}

async function post(url: string, query: string, variables: unknown = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any> | null; errors?: GraphQLError[] };
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => resolve(body));
  });
}

async function listen(listener: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

async function gatewayWith(
  provider: 'hostup' | 'sweeppea',
  listener: RequestListener,
  env: Record<string, string> = {},
) {
  const { url, server } = await listen(listener);
  opened.push({ close: () => new Promise((resolve) => server.close(resolve)) });
  const gateway = await startGateway({
    env,
    adjust: (config) => ({
      ...config,
      providers: { ...config.providers, [provider]: { ...config.providers[provider], baseUrl: url } },
    }),
  });
  opened.unshift(gateway);
  return gateway;
}

/** A HostUp v2 list summary, newer for a lower `n`. */
const hostupSummary = (n: number, status = 'open') => ({
  id: `tkt_${n}`,
  number: String(n),
  subject: 's',
  status,
  priority: 'low',
  departmentSlug: null,
  departmentName: 'd',
  createdAt: new Date(Date.parse('2026-01-01T00:00:00Z') - (n % 10_000_000) * 1000).toISOString(),
  updatedAt: '2026-01-01T00:00:00Z',
  lastMessageAt: null,
  ccEmails: [],
  requesterName: 'x',
  messageCount: 0,
});

describe('ticketList under hostile input and hostile upstreams', () => {
  it('does not answer a half-filled page: 4 aliased lists of 100 asking a field the list lacks', async () => {
    // MAX_LISTS_PER_REQUEST (4) × first (100) = 400 tickets, but MAX_TICKETS_PER_REQUEST is 200:
    // the request passes every check, makes its list calls and 200 detail reads, then nulls 200 nodes.
    const gateway = await startGateway({ env: { HOSTUP_API: 'v2' }, sandbox: { copies: 150 } });
    opened.unshift(gateway);
    const PAGE = 'query($p: ListableProvider!){ ticketList(provider: $p, first: 100){ pageInfo { endCursor } } }';
    const sweeppea = await post(gateway.url, PAGE, { p: 'SWEEPPEA' });
    const hostup = await post(gateway.url, PAGE, { p: 'HOSTUP' });
    gateway.sandbox.reset();
    const answer = await post(
      gateway.url,
      /* GraphQL */ `query($s: String, $h: String) {
        a: ticketList(provider: SWEEPPEA, first: 100) { nodes { number raw } }
        b: ticketList(provider: SWEEPPEA, first: 100, after: $s) { nodes { number raw } }
        c: ticketList(provider: HOSTUP, first: 100) { nodes { number raw } }
        d: ticketList(provider: HOSTUP, first: 100, after: $h) { nodes { number raw } }
      }`,
      { s: sweeppea.data!.ticketList.pageInfo.endCursor, h: hostup.data!.ticketList.pageInfo.endCursor },
    );
    const calls = gateway.sandbox.calls('sweeppea') + gateway.sandbox.calls('hostup');
    const nulled = ['a', 'b', 'c', 'd']
      .flatMap((key) => answer.data?.[key]?.nodes ?? [])
      .filter((node) => node.raw === null);
    // Either every node is answered, or the request is refused before any upstream call.
    const refusedUpFront = answer.data === null && calls === 0;
    expect({ nulled: nulled.length, errors: answer.errors.length, refusedUpFront }).toMatchObject(
      refusedUpFront ? { refusedUpFront: true } : { nulled: 0, errors: 0 },
    );
  }, 60_000);

  it('refuses a Sweeppea list page that lists a ticket twice, as HostUp and Kapture pages are refused', async () => {
    const summary = (n: number, day: number) => ({
      CaseNumber: String(2_000_000 + n),
      Subject: `s${n}`,
      Date: `2026-01-${String(day).padStart(2, '0')}T10:00:00Z`,
      Priority: 1,
      ResourceAffected: 'r',
    });
    const page = (tickets: unknown[], page: number) => ({
      Response: true,
      Data: { TotalTickets: tickets.length, Page: page, Limit: 20, TotalPages: 1, Tickets: tickets },
    });
    const gateway = await gatewayWith('sweeppea', async (request, response) => {
      const body = JSON.parse((await readBody(request)) || '{}') as { page?: number };
      // Case 2000001 twice on the open page; 2000002 both open (18th) and closed (19th).
      const answer = request.url!.includes('fetchOpenTickets')
        ? page([summary(1, 20), summary(1, 20), summary(2, 18)], body.page ?? 1)
        : page([summary(2, 19)], body.page ?? 1);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    const answer = await post(
      gateway.url,
      '{ ticketList(provider: SWEEPPEA, first: 10) { edges { node { number status createdAt } } } }',
    );
    const numbers = (answer.data?.ticketList?.edges ?? []).map((edge: any) => edge.node.number);
    // As reviewed: ["2000001","2000001","2000002","2000002"], the last two one ticket both CLOSED and OPEN.
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(answer.errors[0]?.extensions).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE' });
  });

  it("pages on with the endCursor it issued when HostUp's nextCursor is long (the page shape allows 2,048)", async () => {
    const gateway = await gatewayWith(
      'hostup',
      (request, response) => {
        const cursor = new URL(request.url!, 'http://x').searchParams.get('cursor');
        const answer =
          cursor === null
            ? { data: [hostupSummary(1), hostupSummary(2)], nextCursor: 'x'.repeat(1800) }
            : { data: [hostupSummary(3)], nextCursor: null };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      },
      { HOSTUP_API: 'v2' },
    );
    const PAGE =
      'query($a: String){ ticketList(provider: HOSTUP, first: 2, after: $a) { pageInfo { endCursor } edges { node { number } } } }';
    const first = await post(gateway.url, PAGE);
    expect(first.errors).toEqual([]);
    const endCursor = first.data!.ticketList.pageInfo.endCursor as string;
    // As reviewed: a 2,529-character cursor, which the same gateway then refuses as forged (MAX_CURSOR_LENGTH 2048).
    const second = await post(gateway.url, PAGE, { a: endCursor });
    expect(second.errors).toEqual([]);
    expect(second.data!.ticketList.edges.map((edge: any) => edge.node.number)).toEqual(['3']);
  });

  it('bounds the upstream calls of one OPEN page when HostUp answers page after page of closed tickets', async () => {
    let calls = 0;
    let next = 1_000_000;
    /** The cursor each call asked from (null for the list's start), in order. */
    const asked: (string | null)[] = [];
    /** Once set, the next call answers one open ticket and ends the list. */
    let openNext = false;
    const gateway = await gatewayWith(
      'hostup',
      (request, response) => {
        calls += 1;
        asked.push(new URL(request.url!, 'http://x').searchParams.get('cursor'));
        next += 1;
        const answer = openNext
          ? { data: [hostupSummary(next, 'open')], nextCursor: null }
          : {
              data: Array.from({ length: 100 }, (_, at) => hostupSummary(next + at, 'closed')),
              nextCursor: `c${calls}`,
            };
        if (!openNext) next += 99;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      },
      { HOSTUP_API: 'v2' },
    );
    const PAGE =
      'query($a: String){ ticketList(provider: HOSTUP, first: 1, after: $a, filter: { state: OPEN }) { pageInfo { hasNextPage endCursor } edges { node { number } } } }';
    const answer = await post(gateway.url, PAGE);
    // As reviewed: ~1,190 sequential calls (until the 32 MiB byte budget is spent), then UPSTREAM_ERROR
    // "ask for fewer tickets at once" for a page of first: 1. At 100 ms an upstream call, two minutes.
    expect(calls).toBeLessThanOrEqual(50);
    expect(answer.errors).toEqual([]);
    // A short page: no ticket yet, more to come, and an endCursor where the walk stopped.
    expect(answer.data!.ticketList.edges).toEqual([]);
    expect(answer.data!.ticketList.pageInfo.hasNextPage).toBe(true);
    const endCursor = answer.data!.ticketList.pageInfo.endCursor as string | null;
    expect(endCursor).not.toBeNull();

    // Paging on continues the walk from the last nextCursor HostUp gave, rather than starting again.
    const firstPageCalls = calls;
    openNext = true;
    const more = await post(gateway.url, PAGE, { a: endCursor });
    expect(more.errors).toEqual([]);
    expect(asked.slice(firstPageCalls)).toEqual([`c${firstPageCalls}`]);
    expect(more.data!.ticketList.edges.map((edge: any) => edge.node.number)).toEqual([String(next)]);
    expect(more.data!.ticketList.pageInfo.hasNextPage).toBe(false);
  }, 60_000);
});
