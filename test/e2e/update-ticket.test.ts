import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeTicketId } from '../../src/domain/ids.js';
import { SWEEPPEA_SEED } from '../../src/sandbox/sweeppea/seed.js';
import { closedPort, listenOnLoopback, startGateway, type Gateway, type Listening } from './harness.js';

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateTicketInput!) {
    updateTicket(input: $input) {
      __typename
      ... on Ticket { id provider number subject body bodyFormat status updatedAt canUpdate raw }
      ... on Error { message }
      ... on ValidationError { field }
      ... on UpstreamError { code retryable upstreamStatus }
    }
  }
`;

const READ = /* GraphQL */ `
  query Read($number: String!) {
    ticket(provider: SWEEPPEA, number: $number) { subject body updatedAt raw }
  }
`;

interface Result {
  __typename: string;
  subject?: string;
  body?: string;
  bodyFormat?: string;
  updatedAt?: string;
  canUpdate?: boolean;
  raw?: { Data?: { Statistics?: { Action?: string }[] } };
  message?: string;
  field?: string;
  code?: string;
  retryable?: boolean;
  upstreamStatus?: number | null;
}

const sweeppea = (owner: 'primary' | 'other', closed: boolean) =>
  SWEEPPEA_SEED.find((entry) => entry.owner === owner && entry.ticket.Status === closed)!.ticket.CaseNumber;
const OPEN = sweeppea('primary', false);
const CLOSED = sweeppea('primary', true);
const OTHERS = sweeppea('other', false);

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

async function updateThrough(
  target: Gateway,
  input: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Result> {
  const { data, errors } = await target.client(headers).rawRequest<{ updateTicket: Result }>(UPDATE, { input });
  expect(errors).toBeUndefined();
  return data.updateTicket;
}

const update = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  updateThrough(gateway, input, headers);

const sentUpdates = () => gateway.sandbox.requests.filter((request) => request.path === '/tickets/update');

describe('Mutation.updateTicket on Sweeppea', () => {
  it('changes the title, sends only what changes, and answers the ticket read back whole', async () => {
    const result = await update({ provider: 'SWEEPPEA', number: OPEN, title: '  UPDATED: entries fail on mobile  ' });
    expect(result).toMatchObject({
      __typename: 'Ticket',
      subject: 'UPDATED: entries fail on mobile',
      canUpdate: true,
      provider: 'SWEEPPEA',
    });
    expect(sentUpdates().map((request) => JSON.parse(request.body))).toEqual([
      { CaseId: OPEN, Title: 'UPDATED: entries fail on mobile' },
    ]);
    expect(sentUpdates()[0]!.headers.authorization).toBe(`Bearer ${gateway.sandbox.keys.sweeppea}`);
    // The update, then the read-back: its Statistics list the update.
    expect(gateway.sandbox.calls('sweeppea')).toBe(2);
    expect(result.raw?.Data?.Statistics?.at(-1)?.Action).toBe('update');

    const { data } = await gateway.client().rawRequest<{ ticket: Result }>(READ, { number: OPEN });
    expect(data.ticket.subject).toBe('UPDATED: entries fail on mobile');
    expect(data.ticket.updatedAt).toBe(result.updatedAt);
  });

  it('changes the description by global id, keeping HTML and unicode exactly', async () => {
    const description = '<p>Les participants ne peuvent pas s’inscrire 🎉</p>\n<ul><li>抽選 &amp; “quotes”</li></ul>';
    const result = await update({ id: encodeTicketId({ provider: 'sweeppea', number: OPEN }), description });
    expect(result).toMatchObject({ __typename: 'Ticket', body: description, bodyFormat: 'HTML' });
    expect(JSON.parse(sentUpdates()[0]!.body)).toEqual({ CaseId: OPEN, Description: description });
  });

  it('changes both in one call', async () => {
    const result = await update({ provider: 'SWEEPPEA', number: OPEN, title: 'Both', description: '<b>both</b>' });
    expect(result).toMatchObject({ subject: 'Both', body: '<b>both</b>' });
    expect(sentUpdates()).toHaveLength(1);
  });

  it.each([
    ['a title of exactly 200 characters', { title: 'T'.repeat(200) }],
    ['a title of 100 emoji (200 UTF-16 units)', { title: '🎉'.repeat(100) }],
    ['a description of exactly 20,000 characters', { description: 'd'.repeat(20_000) }],
    ['a description with tabs and \\n and \\r\\n line breaks', { description: 'one\ttwo\nthree\r\nfour' }],
  ])('accepts %s', async (_case, change) => {
    const result = await update({ provider: 'SWEEPPEA', number: OPEN, ...change });
    expect(result.__typename).toBe('Ticket');
    expect(sentUpdates()).toHaveLength(1);
  });

  it.each([
    ['a title of 201 characters', { provider: 'SWEEPPEA', number: OPEN, title: 'T'.repeat(201) }, 'title'],
    ['a title of 101 emoji', { provider: 'SWEEPPEA', number: OPEN, title: '🎉'.repeat(101) }, 'title'],
    [
      'a description of 20,001 characters',
      { provider: 'SWEEPPEA', number: OPEN, description: 'd'.repeat(20_001) },
      'description',
    ],
    ['a blank title', { provider: 'SWEEPPEA', number: OPEN, title: '   ' }, 'title'],
    ['a title over two lines', { provider: 'SWEEPPEA', number: OPEN, title: 'one\ntwo' }, 'title'],
    ['a blank description', { provider: 'SWEEPPEA', number: OPEN, description: '\n\t' }, 'description'],
    ['a lone surrogate', { provider: 'SWEEPPEA', number: OPEN, title: 'bad \ud800 text' }, 'title'],
    ['a NUL character', { provider: 'SWEEPPEA', number: OPEN, description: 'a\u0000b' }, 'description'],
    ['a title with NEL (U+0085)', { provider: 'SWEEPPEA', number: OPEN, title: 'one\u0085two' }, 'title'],
    ['a title with a C1 control (U+009B)', { provider: 'SWEEPPEA', number: OPEN, title: 'a\u009b31mb' }, 'title'],
    ['a title with a tab', { provider: 'SWEEPPEA', number: OPEN, title: 'a\tb' }, 'title'],
    ['a title with a paragraph separator', { provider: 'SWEEPPEA', number: OPEN, title: 'a\u2029b' }, 'title'],
    [
      'a title with a right-to-left override',
      { provider: 'SWEEPPEA', number: OPEN, title: 'invoice \u202Efdp.exe' },
      'title',
    ],
    ['a title with a left-to-right embedding', { provider: 'SWEEPPEA', number: OPEN, title: 'a\u202Ab' }, 'title'],
    ['a title with a bidi isolate', { provider: 'SWEEPPEA', number: OPEN, title: 'a\u2066b\u2069' }, 'title'],
    ['a title with a right-to-left mark', { provider: 'SWEEPPEA', number: OPEN, title: 'a\u200Fb' }, 'title'],
    ['a title with an Arabic letter mark', { provider: 'SWEEPPEA', number: OPEN, title: 'a\u061Cb' }, 'title'],
    [
      'a description with a right-to-left override',
      { provider: 'SWEEPPEA', number: OPEN, description: 'a\u202Eb' },
      'description',
    ],
    [
      'a description with a pop directional isolate',
      { provider: 'SWEEPPEA', number: OPEN, description: 'a\u2069b' },
      'description',
    ],
    ['a description with NEL (U+0085)', { provider: 'SWEEPPEA', number: OPEN, description: 'a\u0085b' }, 'description'],
    [
      'a description with a line separator',
      { provider: 'SWEEPPEA', number: OPEN, description: 'a\u2028b' },
      'description',
    ],
    [
      'a description with a lone carriage return',
      { provider: 'SWEEPPEA', number: OPEN, description: 'a\rb' },
      'description',
    ],
    ['a description with an escape', { provider: 'SWEEPPEA', number: OPEN, description: 'a\u001b[2Jb' }, 'description'],
    ['nothing to change', { provider: 'SWEEPPEA', number: OPEN }, 'input'],
    ['nothing to change but nulls', { provider: 'SWEEPPEA', number: OPEN, title: null, description: null }, 'input'],
    ['no ticket named', { title: 'x' }, 'id'],
    [
      'an id and a number',
      { id: encodeTicketId({ provider: 'sweeppea', number: OPEN }), provider: 'SWEEPPEA', number: OPEN, title: 'x' },
      'id',
    ],
    ['a number without its provider', { number: OPEN, title: 'x' }, 'provider'],
    ['a provider without a number', { provider: 'SWEEPPEA', title: 'x' }, 'number'],
    ['an id the gateway never issued', { id: 'not-an-id', title: 'x' }, 'id'],
    ['a hostile number', { provider: 'SWEEPPEA', number: '../tickets/delete', title: 'x' }, 'number'],
    [
      'a hostile number inside an id',
      { id: encodeTicketId({ provider: 'sweeppea', number: 'A"}' }), title: 'x' },
      'id',
    ],
  ])('refuses %s with ValidationError before any upstream call', async (_case, input, field) => {
    const result = await update(input);
    expect(result).toMatchObject({ __typename: 'ValidationError', field });
    expect(result.message).toBeTruthy();
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it("answers TicketClosedError for a closed ticket, from the upstream's 400", async () => {
    expect(await update({ provider: 'SWEEPPEA', number: CLOSED, title: 'x' })).toMatchObject({
      __typename: 'TicketClosedError',
    });
    expect(gateway.sandbox.calls('sweeppea')).toBe(1);
  });

  it("answers ForbiddenError for another account's ticket, and leaves it unchanged", async () => {
    expect(await update({ provider: 'SWEEPPEA', number: OTHERS, title: 'x' })).toMatchObject({
      __typename: 'ForbiddenError',
    });
    const { data } = await gateway
      .client({ 'X-Sweeppea-Api-Key': gateway.sandbox.otherKeys.sweeppea })
      .rawRequest<{ ticket: Result }>(READ, { number: OTHERS });
    expect(data.ticket.subject).not.toBe('x');
  });

  it('answers NotFoundError for a number Sweeppea does not have', async () => {
    expect(await update({ provider: 'SWEEPPEA', number: 'NOSUCH1', title: 'x' })).toMatchObject({
      __typename: 'NotFoundError',
    });
  });

  it('answers UnauthenticatedError for a key Sweeppea refuses', async () => {
    const result = await update(
      { provider: 'SWEEPPEA', number: OPEN, title: 'x' },
      { 'X-Sweeppea-Api-Key': 'not-a-key' },
    );
    expect(result).toMatchObject({ __typename: 'UnauthenticatedError' });
    expect(JSON.stringify(result)).not.toContain('not-a-key');
  });

  it('answers UnsupportedError for the id of a provider that cannot update, sending nothing', async () => {
    const number = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const result = await update({ id: encodeTicketId({ provider: 'kapture', number }), title: 'x' });
    expect(result).toMatchObject({ __typename: 'UnsupportedError', message: expect.stringMatching(/Kapture CRM/) });
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it('answers UpstreamError for a 500, not retryable and sent once', async () => {
    gateway.sandbox.setFault('sweeppea', { status: 500 });
    expect(await update({ provider: 'SWEEPPEA', number: OPEN, title: 'x' })).toMatchObject({
      __typename: 'UpstreamError',
      code: 'UPSTREAM_ERROR',
      retryable: false,
      upstreamStatus: 500,
    });
    expect(gateway.sandbox.calls('sweeppea')).toBe(1);
  });

  it('answers UpstreamError RATE_LIMITED for a 429, sent once', async () => {
    gateway.sandbox.setFault('sweeppea', { status: 429, retryAfter: 7 });
    expect(await update({ provider: 'SWEEPPEA', number: OPEN, title: 'x' })).toMatchObject({
      __typename: 'UpstreamError',
      code: 'RATE_LIMITED',
      retryable: true,
    });
    expect(gateway.sandbox.calls('sweeppea')).toBe(1);
  });

  it.each([
    [401, { __typename: 'UnauthenticatedError', message: 'Sweeppea rejected the API key' }],
    [403, { __typename: 'ForbiddenError', message: `Sweeppea does not let this API key update ticket ${OPEN}` }],
    [404, { __typename: 'NotFoundError', message: `Sweeppea has no ticket ${OPEN}` }],
    [
      400,
      {
        __typename: 'ValidationError',
        field: 'number',
        message: `Sweeppea refused the update of ticket ${OPEN} (number)`,
      },
    ],
  ])(
    'reads the documented %i refusal sent with HTTP 200 (Response false, no Code) as the refusal it names, sent once',
    async (status, expected) => {
      gateway.sandbox.setFault('sweeppea', { status, httpStatus: 200, path: /^\/tickets\/update$/ });
      expect(await update({ provider: 'SWEEPPEA', number: OPEN, title: 'x' })).toEqual(expected);
      expect(gateway.sandbox.requests.map((request) => request.path)).toEqual(['/tickets/update']);
    },
  );

  it('sees each update of the same ticket in one operation: the second answer holds the first change', async () => {
    const { data, errors } = await gateway.client().rawRequest<{ a: Result; b: Result }>(
      /* GraphQL */ `
        mutation Twice($number: String!) {
          a: updateTicket(input: { provider: SWEEPPEA, number: $number, title: "First change" }) { ... on Ticket { subject body } }
          b: updateTicket(input: { provider: SWEEPPEA, number: $number, description: "Second change" }) { ... on Ticket { subject body } }
        }
      `,
      { number: OPEN },
    );
    expect(errors).toBeUndefined();
    expect(data.a.subject).toBe('First change');
    expect(data.b).toEqual({ subject: 'First change', body: 'Second change' });
  });

  it("runs the README's mutation as written", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const mutation = [...readme.matchAll(/```graphql\n([\s\S]*?)\n```/g)]
      .map((match) => match[1]!)
      .find((block) => block.startsWith('mutation'));
    expect(mutation).toBeDefined();
    const { data, errors } = await gateway.client().rawRequest<{ updateTicket: Result }>(mutation!);
    expect(errors).toBeUndefined();
    expect(data.updateTicket).toMatchObject({ __typename: 'Ticket', subject: 'Entries fail on mobile' });
  });

  it('offers the mutation for Sweeppea only, and says so in canUpdate and capabilities', async () => {
    const { data } = await gateway.client().rawRequest<{
      __type: { enumValues: { name: string }[] };
      providers: { name: string; capabilities: { updateTicket: boolean } }[];
      tickets: { provider: string; canUpdate: boolean }[];
    }>(
      /* GraphQL */ `
        query Capabilities($refs: [TicketRef!]!) {
          __type(name: "UpdatableProvider") { enumValues { name } }
          providers { name capabilities { updateTicket } }
          tickets(refs: $refs) { provider canUpdate }
        }
      `,
      {
        refs: (['sweeppea', 'hostup', 'keliweb', 'kapture'] as const).map((name) => ({
          provider: name.toUpperCase(),
          number: gateway.sandbox.ticketNumbers(name)[0],
        })),
      },
    );
    expect(data.__type.enumValues.map((value) => value.name)).toEqual(['SWEEPPEA']);
    expect(data.providers.filter((entry) => entry.capabilities.updateTicket).map((entry) => entry.name)).toEqual([
      'SWEEPPEA',
    ]);
    expect(data.tickets.map((ticket) => [ticket.provider, ticket.canUpdate])).toEqual([
      ['SWEEPPEA', true],
      ['HOSTUP', false],
      ['KELIWEB', false],
      ['KAPTURE', false],
    ]);
  });

  it('refuses an UpdatableProvider value the schema does not have, as a GraphQL validation error', async () => {
    // A variable the schema cannot accept: HTTP 400, which the client throws.
    await expect(
      gateway.client().rawRequest(UPDATE, { input: { provider: 'KAPTURE', number: '1', title: 'x' } }),
    ).rejects.toThrow(/Value "KAPTURE" does not exist in "UpdatableProvider" enum/);
    expect(gateway.sandbox.requests).toEqual([]);
  });
});

describe('Mutation.updateTicket when the upstream is slow', () => {
  let slow: Gateway;
  beforeAll(async () => {
    slow = await startGateway({ env: { UPSTREAM_TIMEOUT_MS: '300' } });
  });
  afterAll(() => slow.close());

  it('answers UPSTREAM_TIMEOUT, not retryable, and never sends the update again', async () => {
    slow.sandbox.setLatency('sweeppea', 1_500);
    const { data } = await slow
      .client()
      .rawRequest<{ updateTicket: Result }>(UPDATE, { input: { provider: 'SWEEPPEA', number: OPEN, title: 'late' } });
    expect(data.updateTicket).toMatchObject({
      __typename: 'UpstreamError',
      code: 'UPSTREAM_TIMEOUT',
      retryable: false,
    });
    expect(slow.sandbox.calls('sweeppea')).toBe(1);
  });
});

describe('Mutation.updateTicket when the update may have arrived', () => {
  /** A Sweeppea that reads the whole update request, then stalls or drops the connection. */
  let behaviour: 'stall' | 'drop' = 'stall';
  let received: string[] = [];
  let hostile: Listening;
  let target: Gateway;
  beforeAll(async () => {
    hostile = await listenOnLoopback((request) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push(`${request.url} ${body}`);
        // A stalled call gets no answer: the gateway's deadline ends it.
        if (behaviour === 'drop') request.socket.destroy();
      });
    }, '');
    target = await startGateway({
      env: { UPSTREAM_TIMEOUT_MS: '300' },
      adjust: (config) => ({
        ...config,
        providers: { ...config.providers, sweeppea: { ...config.providers.sweeppea, baseUrl: hostile.url } },
      }),
    });
  });
  afterAll(async () => {
    await target.close();
    await hostile.close();
  });
  beforeEach(() => {
    received = [];
  });

  it.each([
    ['stalls past the deadline', 'UPSTREAM_TIMEOUT', 'stall'],
    ['drops the connection after reading it', 'UPSTREAM_ERROR', 'drop'],
  ] as const)(
    'when Sweeppea %s: %s, not retryable, saying the change may have been made, sent once',
    async (_case, code, mode) => {
      behaviour = mode;
      const result = await updateThrough(target, { provider: 'SWEEPPEA', number: OPEN, title: 'maybe' });
      expect(result).toMatchObject({ __typename: 'UpstreamError', code, retryable: false, upstreamStatus: null });
      expect(result.message).toMatch(/the change may have been made/);
      expect(received).toEqual([`/tickets/update {"CaseId":"${OPEN}","Title":"maybe"}`]);
    },
  );
});

describe('Mutation.updateTicket when Sweeppea refuses in words of its own, with HTTP 200', () => {
  /** A Sweeppea that answers every update with HTTP 200 and the fixture `refusal` names. */
  let refusal = '';
  let received: string[] = [];
  let refusing: Listening;
  let target: Gateway;
  beforeAll(async () => {
    refusing = await listenOnLoopback((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push(`${request.url} ${body}`);
        const text = readFileSync(new URL(`../../src/providers/sweeppea/fixtures/${refusal}`, import.meta.url), 'utf8');
        response.writeHead(200, { 'content-type': 'application/json' }).end(text);
      });
    }, '');
    target = await startGateway({
      adjust: (config) => ({
        ...config,
        providers: { ...config.providers, sweeppea: { ...config.providers.sweeppea, baseUrl: refusing.url } },
      }),
    });
  });
  afterAll(async () => {
    await target.close();
    await refusing.close();
  });
  beforeEach(() => {
    received = [];
  });

  it.each([
    [
      'update-refused-unlisted.json',
      {
        __typename: 'UpstreamError',
        code: 'UPSTREAM_ERROR',
        retryable: false,
        upstreamStatus: 200,
        message: `Sweeppea refused the update of ticket ${OPEN} for a reason the gateway does not know; nothing was changed`,
      },
    ],
    [
      'update-error-400-no-field.json',
      {
        __typename: 'ValidationError',
        field: 'input',
        message: `Sweeppea refused the update of ticket ${OPEN}: it takes a title, a description or both`,
      },
    ],
  ])('answers %s as a refusal that changed nothing, sent once', async (file, expected) => {
    refusal = file;
    expect(await updateThrough(target, { provider: 'SWEEPPEA', number: OPEN, title: 'refused' })).toEqual(expected);
    expect(received).toEqual([`/tickets/update {"CaseId":"${OPEN}","Title":"refused"}`]);
  });
});

describe('Mutation.updateTicket when Sweeppea cannot be reached', () => {
  let unreachable: Gateway;
  beforeAll(async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    unreachable = await startGateway({
      adjust: (config) => ({
        ...config,
        providers: { ...config.providers, sweeppea: { ...config.providers.sweeppea, baseUrl } },
      }),
    });
  });
  afterAll(() => unreachable.close());

  it('answers UPSTREAM_ERROR, retryable: the connection never opened, so nothing was sent', async () => {
    const result = await updateThrough(unreachable, { provider: 'SWEEPPEA', number: OPEN, title: 'x' });
    expect(result).toMatchObject({ __typename: 'UpstreamError', code: 'UPSTREAM_ERROR', retryable: true });
    expect(result.message).not.toMatch(/may have been made/);
  });
});

describe('a gateway with no provider that can act on tickets', () => {
  let readOnly: Gateway;
  beforeAll(async () => {
    // HostUp's legacy API alone: it only reads.
    readOnly = await startGateway({
      adjust: (config) => ({
        ...config,
        providers: {
          ...config.providers,
          sweeppea: { ...config.providers.sweeppea, enabled: false },
          keliweb: { ...config.providers.keliweb, enabled: false },
          kapture: { ...config.providers.kapture, enabled: false },
        },
      }),
    });
  });
  afterAll(() => readOnly.close());

  it('has no Mutation type, no UpdatableProvider and no update types in introspection', async () => {
    const { data } = await readOnly
      .client()
      .rawRequest<{ __schema: { mutationType: null | { name: string }; types: { name: string }[] } }>(
        '{ __schema { mutationType { name } types { name } } }',
      );
    expect(data.__schema.mutationType).toBeNull();
    const names = data.__schema.types.map((type) => type.name);
    for (const name of [
      'Mutation',
      'UpdatableProvider',
      'UpdateTicketInput',
      'UpdateTicketResult',
      'ReplyableProvider',
      'ClosableProvider',
      'ReopenableProvider',
      'ValidationError',
      'UpstreamError',
    ]) {
      expect(names).not.toContain(name);
    }
    expect(names).toContain('Ticket');
  });

  it('refuses a mutation as a validation error with its code, with nothing sent', async () => {
    const response = await fetch(readOnly.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: 'mutation { __typename }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'This gateway answers no mutation operations: no enabled provider can act on a ticket.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    await expect(
      readOnly.client().rawRequest(UPDATE, { input: { provider: 'SWEEPPEA', number: OPEN, title: 'x' } }),
    ).rejects.toThrow(/This gateway answers no mutation operations/);
    expect(readOnly.sandbox.requests).toEqual([]);
  });
});
