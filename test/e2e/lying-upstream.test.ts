import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, startGateway, type Gateway, type Listening } from './harness.js';

const fixture = (provider: string, file: string) =>
  JSON.parse(readFileSync(new URL(`../../src/providers/${provider}/fixtures/${file}`, import.meta.url), 'utf8'));

/**
 * Where a field holds 10,000 levels of arrays (20 KB): deep enough to overflow JSON.stringify's
 * recursion, so the body is written as text around this placeholder.
 */
const DEEP = '<deep>';
const DEEP_TEXT = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;

const READ = /* GraphQL */ `
  query Read($refs: [TicketRef!]!) {
    tickets(refs: $refs) { provider number status statusText priority priorityText raw }
  }
`;

interface TicketRead {
  provider: string;
  number: string;
  status: string;
  statusText: string;
  priority: string | null;
  priorityText: string;
}

interface Read {
  tickets: (TicketRead | null)[];
}

const json = (response: ServerResponse, body: unknown) => {
  const text = JSON.stringify(body).replaceAll(`"${DEEP}"`, DEEP_TEXT);
  response.writeHead(200, { 'content-type': 'application/json' }).end(text);
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => resolve(body));
  });
}

/** HostUp's legacy API, lying by ticket number: 2 answers 999, 3 has words named like properties, 4 is deep. */
function hostup(calls: string[]) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    await readBody(request);
    const number = request.url!.split('/').at(-1)!;
    calls.push(number);
    const answer = fixture('hostup', 'get-ticket.example.json');
    const ticket = { ...answer.data.ticket, ticket_number: number };
    if (number === '2') ticket.ticket_number = '999';
    if (number === '3') Object.assign(ticket, { status: 'constructor', priority: '__proto__' });
    if (number === '4') ticket.custom_fields = DEEP;
    json(response, { ...answer, data: { ticket } });
  };
}

/** Sweeppea answering `OTHER1` whatever it is asked. */
function sweeppea(calls: string[]) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    calls.push(JSON.parse(await readBody(request)).caseNumber);
    const answer = fixture('sweeppea', 'fetch-single-ticket.json');
    json(response, { ...answer, Data: { ...answer.Data, CaseNumber: 'OTHER1', Priority: 'toString' } });
  };
}

/** Kapture answering 11 twice, 12 deep, 13 with a status named like a property, and 99, never asked. */
function kapture(calls: string[]) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    calls.push(JSON.parse(await readBody(request)).ticket_ids);
    const example = fixture('kapture', 'get-ticket.example.json')[0];
    const element = (ticketId: string, changes: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
      ...example,
      ...extra,
      task_details: { ...example.task_details, ticketId, ...changes },
    });
    json(response, [
      element('11', { title: 'first copy' }),
      element('12', {}, { additional_info: DEEP }),
      element('13', { status: 'constructor', substatus: 'constructor', priority: 'hasOwnProperty' }),
      element('99'),
      element('11', { title: 'second copy' }),
      element('14'),
    ]);
  };
}

describe('an upstream that lies', () => {
  const calls = { hostup: [] as string[], sweeppea: [] as string[], kapture: [] as string[] };
  let servers: Listening[];
  let gateway: Gateway;
  beforeAll(async () => {
    const handlers = [hostup(calls.hostup), sweeppea(calls.sweeppea), kapture(calls.kapture)];
    servers = await Promise.all(handlers.map((handler) => listenOnLoopback(handler, '')));
    const [hostupUrl, sweeppeaUrl, kaptureUrl] = servers.map((server) => server.url);
    gateway = await startGateway({
      adjust: (config) => ({
        ...config,
        providers: {
          ...config.providers,
          hostup: { ...config.providers.hostup, baseUrl: hostupUrl! },
          sweeppea: { ...config.providers.sweeppea, baseUrl: sweeppeaUrl! },
          kapture: { ...config.providers.kapture, baseUrl: kaptureUrl! },
        },
      }),
    });
  });
  afterAll(async () => {
    await gateway.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('fails each lying ticket alone as UPSTREAM_INVALID_RESPONSE, raw asked for, and serves the rest', async () => {
    const refs = [
      ['HOSTUP', '2'],
      ['HOSTUP', '3'],
      ['HOSTUP', '4'],
      ['HOSTUP', '5'],
      ['SWEEPPEA', 'WRONG'],
      ['KAPTURE', '11'],
      ['KAPTURE', '12'],
      ['KAPTURE', '13'],
      ['KAPTURE', '14'],
      ['KAPTURE', '15'],
    ].map(([provider, number]) => ({ provider, number }));
    const { data, errors } = await gateway.client().rawRequest<Read>(READ, { refs });

    expect(data.tickets.map((ticket) => ticket && [ticket.provider, ticket.number])).toEqual([
      null,
      ['HOSTUP', '3'],
      null,
      ['HOSTUP', '5'],
      null,
      null,
      null,
      ['KAPTURE', '13'],
      ['KAPTURE', '14'],
      null,
    ]);
    expect(errors!.map((error) => [error.path, error.extensions.code]).sort()).toEqual(
      [
        [['tickets', 0], 'UPSTREAM_INVALID_RESPONSE'],
        [['tickets', 2], 'UPSTREAM_INVALID_RESPONSE'],
        [['tickets', 4], 'UPSTREAM_INVALID_RESPONSE'],
        [['tickets', 5], 'UPSTREAM_INVALID_RESPONSE'],
        [['tickets', 6], 'UPSTREAM_INVALID_RESPONSE'],
        [['tickets', 9], 'NOT_FOUND'],
      ].sort(),
    );
    const unknown = { status: 'UNKNOWN', statusText: 'constructor', priority: null };
    expect(data.tickets[1]).toMatchObject({ ...unknown, priorityText: '__proto__' });
    expect(data.tickets[7]).toMatchObject({ ...unknown, priorityText: 'hasOwnProperty' });
    // One call a HostUp and Sweeppea ticket, one Kapture call for its five ids.
    expect(calls.hostup.sort()).toEqual(['2', '3', '4', '5']);
    expect(calls.sweeppea).toEqual(['WRONG']);
    expect(calls.kapture).toEqual(['11,12,13,14,15']);
  });
});
