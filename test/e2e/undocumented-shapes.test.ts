import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWEEPPEA_FILES_ATTACHMENTS } from '../expected/sweeppea-files.js';
import { listenOnLoopback, startGateway, type Gateway, type Listening } from './harness.js';

const fixture = (provider: string, file: string) =>
  JSON.parse(readFileSync(new URL(`../../src/providers/${provider}/fixtures/${file}`, import.meta.url), 'utf8'));

const READ = /* GraphQL */ `
  query Read($refs: [TicketRef!]!) {
    tickets(refs: $refs) {
      provider number
      attachments { id filename url size contentType }
      replies { id author { name email isStaff } }
    }
  }
`;

interface Read {
  tickets: {
    provider: string;
    number: string;
    attachments: {
      id: string;
      filename: string;
      url: string | null;
      size: number | null;
      contentType: string | null;
    }[];
    replies: { id: string; author: { name: string | null; email: string | null; isStaff: boolean | null } | null }[];
  }[];
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => resolve(body));
  });
}

const json = (response: ServerResponse, body: unknown) =>
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** Sweeppea answering the case asked for with Files whose keys are spelled every which way. */
function sweeppea(calls: string[]) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const caseNumber = JSON.parse(await bodyOf(request)).caseNumber;
    calls.push(caseNumber);
    const answer = fixture('sweeppea', 'fetch-single-ticket-files.json');
    json(response, { ...answer, Data: { ...answer.Data, CaseNumber: caseNumber } });
  };
}

/** HostUp's legacy API answering the number asked for with replies typed Admin and Client, no names. */
function hostup(calls: string[]) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    await bodyOf(request);
    const number = request.url!.split('/').at(-1)!;
    calls.push(number);
    const answer = fixture('hostup', 'get-ticket-unnamed-repliers.json');
    json(response, { ...answer, data: { ticket: { ...answer.data.ticket, ticket_number: number, number } } });
  };
}

describe('answers the providers’ documents allow beyond their examples', () => {
  const calls = { sweeppea: [] as string[], hostup: [] as string[] };
  let servers: Listening[];
  let gateway: Gateway;
  beforeAll(async () => {
    servers = await Promise.all([sweeppea(calls.sweeppea), hostup(calls.hostup)].map((h) => listenOnLoopback(h, '')));
    const [sweeppeaUrl, hostupUrl] = servers.map((server) => server.url);
    gateway = await startGateway({
      adjust: (config) => ({
        ...config,
        providers: {
          ...config.providers,
          sweeppea: { ...config.providers.sweeppea, baseUrl: sweeppeaUrl! },
          hostup: { ...config.providers.hostup, baseUrl: hostupUrl! },
        },
      }),
    });
  });
  afterAll(async () => {
    await gateway.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('lists every Sweeppea file whatever its keys’ case, and a HostUp reply typed Admin or Client with no name', async () => {
    const refs = [
      { provider: 'SWEEPPEA', number: 'HYXTNJV' },
      { provider: 'HOSTUP', number: '616828' },
    ];
    const { data, errors } = await gateway.client().rawRequest<Read>(READ, { refs });
    expect(errors).toBeUndefined();
    expect(data.tickets[0]!.attachments).toEqual(SWEEPPEA_FILES_ATTACHMENTS);
    expect(data.tickets[1]!.replies).toEqual([
      { id: '2950520', author: { name: 'Erik Sjöberg', email: 'erik.sjoberg@hostup.se', isStaff: true } },
      { id: '2950533', author: { name: null, email: null, isStaff: true } },
      { id: '2950541', author: { name: null, email: null, isStaff: false } },
    ]);
    expect(calls).toEqual({ sweeppea: ['HYXTNJV'], hostup: ['616828'] });
  });
});
