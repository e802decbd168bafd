import { once } from 'node:events';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startGateway } from './harness.js';

/**
 * Second hostile review of `ticketList`: each test shows a defect found over real HTTP. They fail
 * on the branch as reviewed.
 */

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

async function post(url: string, query: string, variables: unknown = {}, accept = 'application/json') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => resolve(body));
  });
}

async function sweeppeaGateway(listener: RequestListener) {
  const server: Server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  opened.push({ close: () => new Promise((resolve) => server.close(resolve)) });
  const gateway = await startGateway({
    adjust: (config) => ({
      ...config,
      providers: { ...config.providers, sweeppea: { ...config.providers.sweeppea, baseUrl: url } },
    }),
  });
  opened.unshift(gateway);
  return gateway;
}

/** A Sweeppea list summary, newer for a higher `n`. */
const summary = (n: number) => ({
  CaseNumber: String(2_000_000 + n),
  Subject: `s${n}`,
  Date: new Date(Date.parse('2026-01-01T00:00:00Z') + n * 60_000).toISOString(),
  Priority: 1,
  ResourceAffected: 'r',
});
const answerOf = (all: unknown[], page: number) => ({
  Response: true,
  Data: {
    TotalTickets: all.length,
    Page: page,
    Limit: 20,
    TotalPages: Math.max(1, Math.ceil(all.length / 20)),
    Tickets: all.slice((page - 1) * 20, page * 20),
  },
});

describe('ticketList, second hostile review', () => {
  it('answers a Sweeppea page when a ticket is created while the walk reads its second upstream page', async () => {
    // 30 open tickets, newest first; each fetchOpenTickets call after the first finds one more
    // created since (a busy account). Page 2 then starts with page 1's last ticket: a legitimate
    // shift (the README accepts it across requests), which the walk's duplicate check fails.
    let newest = 30;
    let reads = 0;
    const gateway = await sweeppeaGateway(async (request, response) => {
      const body = JSON.parse((await readBody(request)) || '{}') as { page?: number };
      if (request.url!.includes('fetchOpenTickets') && reads++ > 0) newest += 1;
      const open = Array.from({ length: newest }, (_, at) => summary(newest - at));
      const list = request.url!.includes('fetchOpenTickets') ? open : [];
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(answerOf(list, body.page ?? 1)));
    });
    const answer = JSON.parse(
      (
        await post(
          gateway.url,
          '{ ticketList(provider: SWEEPPEA, filter: { state: OPEN }, first: 25) { edges { node { number } } } }',
        )
      ).text,
    );
    // As reviewed: data null, UPSTREAM_INVALID_RESPONSE "Sweeppea listed case 2000011 twice: at
    // Tickets.19 of page 1 of its open tickets, and at Tickets.0 of page 2 of its open tickets".
    expect(answer.errors).toBeUndefined();
    const numbers = answer.data.ticketList.edges.map((edge: any) => edge.node.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toHaveLength(25);
  });

  it('answers an ANY Sweeppea page when an open ticket is closed while the walk reads the closed list', async () => {
    // Open: tickets 40..21 (one page). Closed: 20..1 at first. Ticket 21 is closed between the open
    // read and the closed read, as support staff do all day: the walk reads it in both lists.
    let closedNow = false;
    const gateway = await sweeppeaGateway(async (request, response) => {
      const body = JSON.parse((await readBody(request)) || '{}') as { page?: number };
      const isOpen = request.url!.includes('fetchOpenTickets');
      const open = Array.from({ length: 20 }, (_, at) => summary(40 - at)).filter(
        (s) => !(closedNow && s.Subject === 's21'),
      );
      const closed = [...(closedNow ? [summary(21)] : []), ...Array.from({ length: 20 }, (_, at) => summary(20 - at))];
      const answer = answerOf(isOpen ? open : closed, body.page ?? 1);
      if (isOpen) closedNow = true;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    const answer = JSON.parse(
      (await post(gateway.url, '{ ticketList(provider: SWEEPPEA, first: 25) { edges { node { number status } } } }'))
        .text,
    );
    // As reviewed: data null, UPSTREAM_INVALID_RESPONSE "Sweeppea listed case 2000021 twice".
    expect(answer.errors).toBeUndefined();
    expect(answer.data.ticketList.edges).toHaveLength(25);
  });

  it('names the refused list, not "Not read", when the refused one sits in a deferred root fragment', async () => {
    const gateway = await startGateway({ env: { HOSTUP_API: 'v2' }, sandbox: { copies: 10 } });
    opened.unshift(gateway);
    const query = `query($n: Int) {
      a: ticketList(provider: SWEEPPEA, first: $n) { nodes { number } }
      ... @defer { b: ticketList(provider: HOSTUP, first: $n) { nodes { number } } c: ticketList(provider: HOSTUP, first: $n) { nodes { number } } }
    }`;
    const json = await post(gateway.url, query, { n: 100 });
    const streamed = await post(gateway.url, query, { n: 100 }, 'multipart/mixed');
    // The same request, refused without a call either way; as JSON it says why.
    expect(json.text).toContain('One request lists at most 200 tickets');
    expect(gateway.sandbox.calls('sweeppea') + gateway.sandbox.calls('hostup')).toBe(0);
    // As reviewed: the multipart answer holds only `a`'s "Not read: another `ticketList` of this
    // request was refused" and never says which list was refused, nor why.
    expect(streamed.text).toContain('One request lists at most 200 tickets');
  });
});
