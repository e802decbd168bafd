import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTicketId } from '../../src/domain/ids.js';
import { MAX_REQUEST_BODY_BYTES } from '../../src/server/plugins/use-request-guards.js';
import { startGateway, type Gateway } from './harness.js';

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());

const JSON_TYPE = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
const PREFLIGHT = { 'graphql-require-preflight': '1' };

interface Case {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  readonly body?: unknown;
  /** Query string for GET. */
  readonly search?: string;
  readonly status: number;
  /** What the first error's message must say (the error body is always checked for). */
  readonly error: RegExp;
  /** The code the first error carries, when the answer is a GraphQL result. */
  readonly code?: string;
}

const query = (text: string, variables?: unknown) => ({ query: text, ...(variables !== undefined && { variables }) });
const TICKET = 'query($n: String!) { ticket(provider: HOSTUP, number: $n) { id } }';

const CASES: Record<string, Case> = {
  'a body that is not JSON': { body: '{"query": "{ __typename }"', status: 400, error: /json/i },
  'a JSON array (batching is off)': { body: [query('{ __typename }')], status: 400, error: /./ },
  'a JSON string': { body: '"{ __typename }"', status: 400, error: /./ },
  'a JSON null': { body: 'null', status: 400, error: /./ },
  'no query': { body: {}, status: 400, error: /query/i },
  'a query that is a number': { body: { query: 1 }, status: 400, error: /query/i },
  'a query that is an object': { body: { query: { a: 1 } }, status: 400, error: /query/i },
  'variables that are a list': { body: { query: '{ __typename }', variables: [1] }, status: 400, error: /variables/i },
  'variables that are a string': {
    body: { query: '{ __typename }', variables: 'x' },
    status: 400,
    error: /variables/i,
  },
  'extensions that are a string': {
    body: { query: '{ __typename }', extensions: 'x' },
    status: 400,
    error: /extensions/i,
  },
  'an operationName that is a number': {
    body: { query: '{ __typename }', operationName: 1 },
    status: 400,
    error: /operation/i,
  },
  'an unknown operationName': {
    body: { query: 'query A { __typename }', operationName: 'B' },
    status: 400,
    error: /unknown operation|could not determine/i,
  },
  'two operations and no operationName': {
    body: { query: 'query A { __typename } query B { __typename }' },
    status: 400,
    error: /operation/i,
  },
  'two anonymous operations': { body: query('{ __typename } { __typename }'), status: 400, error: /operation/i },
  'a syntax error': { body: query('{ tickets('), status: 400, error: /syntax error/i, code: 'GRAPHQL_PARSE_FAILED' },
  'an empty document': { body: query(''), status: 400, error: /./ },
  'an unknown field': {
    body: query('{ secrets }'),
    status: 400,
    error: /cannot query field/i,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  'an argument of the wrong type': {
    body: query('{ ticket(provider: 1, number: "1") { id } }'),
    status: 400,
    error: /Provider/,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  'a missing required argument': {
    body: query('{ ticket(provider: HOSTUP) { id } }'),
    status: 400,
    error: /number/,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  'an unknown enum value': {
    body: query('{ ticket(provider: JIRA, number: "1") { id } }'),
    status: 400,
    error: /JIRA/,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  'a variable of the wrong type': { body: query(TICKET, { n: 42 }), status: 400, error: /String/ },
  'a missing non-null variable': { body: query(TICKET, {}), status: 400, error: /\$n/, code: 'BAD_USER_INPUT' },
  'a null non-null variable': { body: query(TICKET, { n: null }), status: 400, error: /\$n/, code: 'BAD_USER_INPUT' },
  'a list variable given an object': {
    body: query('query($r: [TicketRef!]!) { tickets(refs: $r) { id } }', { r: { provider: 'HOSTUP' } }),
    status: 400,
    error: /\$r|TicketRef/,
  },
  'an input object with an unknown field': {
    body: query('query($r: [TicketRef!]!) { tickets(refs: $r) { id } }', {
      r: [{ provider: 'HOSTUP', number: '1', evil: true }],
    }),
    status: 400,
    error: /evil/,
  },
  'an unknown directive': {
    body: query('{ __typename @evil }'),
    status: 400,
    error: /evil/,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  'a fragment cycle': {
    body: query('{ providers { ...A } } fragment A on ProviderInfo { ...B } fragment B on ProviderInfo { ...A }'),
    status: 400,
    error: /cannot spread fragment/i,
  },
  'an undefined fragment': { body: query('{ providers { ...Missing } }'), status: 400, error: /unknown fragment/i },
  'a subscription (there are none)': {
    body: query('subscription { ticket }'),
    status: 400,
    error: /^This gateway answers no subscription operations\.$/,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  'a selection 12 deep': {
    body: query(`{ ${'a { '.repeat(12)}b${' }'.repeat(12)} }`),
    status: 400,
    error: /depth limit/i,
  },
  'an alias flood': {
    body: query(`{ ${Array.from({ length: 200 }, (_, index) => `a${index}: providers { name }`).join(' ')} }`),
    status: 400,
    error: /aliases limit/i,
  },
  'a directive flood': {
    body: query(`{ __typename ${'@skip(if: false) '.repeat(100)} }`),
    status: 400,
    error: /directives limit/i,
  },
  'a huge document': { body: query(`{ ${'__typename '.repeat(50_000)} }`), status: 400, error: /token limit/i },
  'a body over the size limit': {
    body: query(`# ${'x'.repeat(MAX_REQUEST_BODY_BYTES)}\n{ __typename }`),
    status: 413,
    error: /too large/i,
  },
  'text/plain (a cross-site form could send it)': {
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify(query('{ __typename }')),
    status: 403,
    error: /CSRF/,
    code: 'BAD_REQUEST',
  },
  'a form POST without a CSRF header': {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `query=${encodeURIComponent('{ __typename }')}`,
    status: 403,
    error: /CSRF/,
    code: 'BAD_REQUEST',
  },
  'an unknown enum value in a variable': {
    body: query('query($p: Provider!) { ticket(provider: $p, number: "1") { id } }', { p: 'JIRA' }),
    status: 400,
    error: /JIRA/,
    code: 'BAD_USER_INPUT',
  },
  '@stream with a negative initialCount': {
    body: query('{ tickets(refs: [{ provider: HOSTUP, number: "616828" }]) @stream(initialCount: -1) { id } }'),
    status: 200,
    error: /initialCount/,
    code: 'BAD_USER_INPUT',
  },
  '@stream with a negative initialCount as a variable default': {
    body: query(
      'query($n: Int = -1) { tickets(refs: [{ provider: HOSTUP, number: "616828" }]) @stream(initialCount: $n) { id } }',
    ),
    status: 200,
    error: /initialCount/,
    code: 'BAD_USER_INPUT',
  },
  '@stream with a null initialCount': {
    body: query('{ tickets(refs: [{ provider: HOSTUP, number: "616828" }]) @stream(initialCount: null) { id } }'),
    status: 200,
    error: /initialCount/,
    code: 'BAD_USER_INPUT',
  },
  '@stream with a null initialCount in a variable': {
    body: query(
      'query($n: Int) { tickets(refs: [{ provider: HOSTUP, number: "616828" }]) @stream(initialCount: $n) { id } }',
      { n: null },
    ),
    status: 200,
    error: /initialCount/,
    code: 'BAD_USER_INPUT',
  },
  '@stream with a negative initialCount in a fragment': {
    body: query(
      'query($n: Int = -2) { ...F } fragment F on Query { tickets(refs: [{ provider: HOSTUP, number: "616828" }]) { replies @stream(initialCount: $n) { body } } }',
    ),
    status: 200,
    error: /initialCount/,
    code: 'BAD_USER_INPUT',
  },
  '@stream with a negative initialCount in a variable': {
    body: query(
      'query($n: Int!) { tickets(refs: [{ provider: HOSTUP, number: "616828" }]) @stream(initialCount: $n) { id } }',
      { n: -5 },
    ),
    status: 200,
    error: /initialCount/,
    code: 'BAD_USER_INPUT',
  },
  'a form body whose variables are not JSON': {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...PREFLIGHT },
    body: 'query=%7B__typename%7D&variables=SECRETBODY',
    status: 400,
    error: /^The request could not be read: its variables and extensions must be JSON objects$/,
    code: 'BAD_REQUEST',
  },
  'a form body whose extensions are not JSON': {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...PREFLIGHT },
    body: 'query=%7B__typename%7D&extensions=%5Bnope',
    status: 400,
    error: /^The request could not be read/,
    code: 'BAD_REQUEST',
  },
  'a multipart body (no field takes a file)': {
    headers: { 'content-type': 'multipart/form-data; boundary=x', ...PREFLIGHT },
    body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\nnope\r\n--x--\r\n',
    status: 415,
    error: /unsupported content type/i,
    code: 'BAD_REQUEST',
  },
  'an unknown parameter with a huge name': {
    body: { query: '{ __typename }', [`x${'y'.repeat(100_000)}`]: 1 },
    status: 400,
    error: /^Unexpected parameter "xy{39}…" in the request$/,
    code: 'BAD_REQUEST',
  },
  'an XML body': {
    headers: { 'content-type': 'application/xml' },
    body: '<query>{ __typename }</query>',
    status: 415,
    error: /unsupported content type/i,
  },
  'a GET mutation': {
    method: 'GET',
    headers: PREFLIGHT,
    search: `query=${encodeURIComponent('mutation { updateTicket(input: { provider: SWEEPPEA, number: "1", title: "x" }) { __typename } }')}`,
    status: 405,
    error: /mutation/i,
  },
  'a GET without a query': {
    method: 'GET',
    headers: PREFLIGHT,
    search: 'variables=%7B%7D',
    status: 400,
    error: /query/i,
  },
  'a GET with malformed variables': {
    method: 'GET',
    headers: PREFLIGHT,
    search: `query=${encodeURIComponent(TICKET)}&variables=%7Bnope`,
    status: 400,
    error: /variables/i,
  },
  'a GET with extensions that are a list': {
    method: 'GET',
    headers: PREFLIGHT,
    search: `query=${encodeURIComponent('{ __typename }')}&extensions=%5B1%5D`,
    status: 400,
    error: /extensions/i,
  },
  'a PUT': { method: 'PUT', body: query('{ __typename }'), status: 405, error: /./ },
  'a DELETE': { method: 'DELETE', status: 405, error: /./ },
  'a ticket number with a path in it': {
    body: query(TICKET, { n: '../../admin' }),
    status: 200,
    error: /HostUp ticket number/,
    code: 'BAD_USER_INPUT',
  },
  'a ticket number with CR/LF': {
    body: query(TICKET, { n: '1\r\nX-Evil: 1' }),
    status: 200,
    error: /HostUp ticket number/,
    code: 'BAD_USER_INPUT',
  },
  'a forged global id': {
    body: query('{ node(id: "VGlja2V0OmppcmE6MQ") { id } }'),
    status: 200,
    error: /names no provider/,
    code: 'BAD_USER_INPUT',
  },
  'a global id that is not base64': {
    body: query('{ node(id: "../../etc/passwd") { id } }'),
    status: 200,
    error: /Invalid ticket id/,
    code: 'BAD_USER_INPUT',
  },
  'a global id with a hostile number': {
    body: query(`{ node(id: "${encodeTicketId({ provider: 'hostup', number: '1?x=2' })}") { id } }`),
    status: 200,
    error: /HostUp ticket number/,
    code: 'BAD_USER_INPUT',
  },
  '101 refs': {
    body: query('query($r: [TicketRef!]!) { tickets(refs: $r) { id } }', {
      r: Array.from({ length: 101 }, () => ({ provider: 'HOSTUP', number: '1' })),
    }),
    status: 200,
    error: /at most 100/,
    code: 'BAD_USER_INPUT',
  },
};

async function send(input: Case): Promise<{
  status: number;
  json: boolean;
  body: { errors?: { message: string; extensions?: { code?: string } }[] };
}> {
  const method = input.method ?? 'POST';
  const body =
    input.body === undefined ? undefined : typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  const response = await fetch(`${gateway.url}${input.search ? `?${input.search}` : ''}`, {
    method,
    headers: { ...(method === 'GET' ? { accept: JSON_TYPE.accept } : JSON_TYPE), ...input.headers },
    ...(body !== undefined && { body }),
  });
  const text = await response.text();
  const json = /json/.test(response.headers.get('content-type') ?? '');
  let parsed: { errors?: { message: string; extensions?: { code?: string } }[] } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: response.status, json, body: parsed };
}

describe(`${Object.keys(CASES).length} bad inputs`, () => {
  it.each(Object.entries(CASES))('answers %s with the right status and a clear error', async (_name, input) => {
    const { status, body, json } = await send(input);
    expect(status).toBe(input.status);
    expect(body.errors?.[0]?.message).toMatch(input.error);
    if (input.code) expect(body.errors?.[0]?.extensions?.code).toBe(input.code);
    if (json) for (const error of body.errors ?? []) expect(error.extensions?.code).toMatch(/^[A-Z_]+$/);
  });

  it('answers a chunked body, which states no length, with 411 before reading it', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const sent = httpRequest(
        gateway.url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      sent.on('error', reject);
      sent.end(JSON.stringify(query('{ __typename }')));
    });
    expect(answer.status).toBe(411);
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ message: 'A request body needs a Content-Length' }] });
  });

  it('answers a POST stating no length at all with 411', async () => {
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.end(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n',
    );
    let raw = '';
    for await (const chunk of socket) raw += String(chunk);
    expect(raw).toMatch(/^HTTP\/1\.1 411 /);
  });

  it.each([
    ['POST', '/graphql', 'Content-Length: 1073741824', 413],
    ['GET', '/graphql', 'Content-Length: 1073741824', 200],
    ['PUT', '/graphql', 'Content-Length: 1073741824', 405],
    ['POST', '/nope', 'Content-Length: 1073741824', 404],
    ['POST', '/graphql/', 'Content-Length: 1073741824', 404],
    ['POST', '/health', 'Content-Length: 1073741824', 200],
    ['POST', '/ready', 'Content-Length: 1073741824', 200],
    ['POST', '/nope', 'Transfer-Encoding: chunked', 404],
  ])('answers %s %s with a body it does not read (%s) at once, and closes', async (method, path, length, status) => {
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    // A gigabyte stated (or an endless chunked body begun), a few bytes sent, the socket left open.
    const start = length.startsWith('Transfer') ? '100000\r\n{"q' : '{"q';
    socket.write(
      `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${length}\r\n\r\n${start}`,
    );
    let raw = '';
    // Ends only when the gateway closes the connection: kept alive, it would wait out the body.
    for await (const chunk of socket) raw += String(chunk);
    expect(raw).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(raw).toMatch(/\r\nconnection: close\r\n/i);
  });

  it.each(['a@b:99999', '[::1:bad', 'x y', '%', 'a:b:c'])(
    'answers Host: %s, which makes no URL, with 400 and no stack trace',
    async (host) => {
      const { port } = new URL(gateway.url);
      const socket = connect(Number(port), '127.0.0.1');
      socket.write(`GET /health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      let raw = '';
      for await (const chunk of socket) raw += String(chunk);
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      expect(raw).not.toMatch(/at |node_modules|TypeError/);
    },
  );

  it('keeps the connection of an answered POST alive: two pipelined queries get two answers', async () => {
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    const post = (id: string, close: boolean) => {
      const body = JSON.stringify(query('{ __typename }'));
      const headers = `Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nX-Request-Id: ${id}`;
      return `POST /graphql HTTP/1.1\r\n${headers}${close ? '\r\nConnection: close' : ''}\r\n\r\n${body}`;
    };
    // Written at once, not half-closed: the second arrives while the first is being answered.
    socket.write(post('first', false) + post('second', true));
    let raw = '';
    for await (const chunk of socket) raw += String(chunk);
    expect(raw.match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
    expect(raw.match(/^x-request-id: (first|second)\r$/gim)).toEqual([
      'x-request-id: first\r',
      'x-request-id: second\r',
    ]);
  });

  it("answers a body that is not JSON without the parser's message, which quotes the body", async () => {
    const { status, body } = await send({ body: '{"query": "{ secret-looking text', status: 400, error: /./ });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('reached no upstream with any of them, and still serves everyone afterwards', async () => {
    expect(gateway.sandbox.requests).toEqual([]);
    const { data, errors } = await gateway
      .client()
      .rawRequest<{ ticket: { number: string } }>(
        'query($n: String!) { ticket(provider: HOSTUP, number: $n) { number } }',
        { n: gateway.sandbox.ticketNumbers('hostup')[0] },
      );
    expect(errors).toBeUndefined();
    expect(data.ticket.number).toBe(gateway.sandbox.ticketNumbers('hostup')[0]);
  });
});
