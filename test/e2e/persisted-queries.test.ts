import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '../../src/server/plugins/use-request-guards.js';
import { startGateway, type Gateway } from './harness.js';

const KEY = 'apq-test-key';
/** The key, and the Accept header Apollo's HttpLink sends. */
const AUTH = {
  authorization: `Bearer ${KEY}`,
  accept: 'application/graphql-response+json,application/json;q=0.9',
};

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway({ env: { GATEWAY_API_KEYS: KEY } });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: unknown) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

function post(params: Record<string, unknown>, headers: Record<string, string> = AUTH): Promise<Answer> {
  return fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(params),
  }).then(answer);
}

/** A GET as Apollo's link sends one, each parameter JSON where it is an object, with no CSRF header. */
function get(params: Record<string, unknown>, headers: Record<string, string> = AUTH): Promise<Answer> {
  const url = new URL(gateway.url);
  for (const [name, value] of Object.entries(params)) {
    url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return fetch(url, { headers }).then(answer);
}

const send = { POST: post, GET: get };

/** One error with its code, its message exactly, or matching, or any. */
const refusal = (status: number, code: string, message?: string | RegExp) => ({
  status,
  body: {
    errors: [
      {
        message: message instanceof RegExp ? expect.stringMatching(message) : (message ?? expect.any(String)),
        extensions: { code },
      },
    ],
  },
});

const NOT_FOUND = refusal(404, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound');

/** A query of its own name: the store outlives each test, so every test registers its own. */
const ticketQuery = (name: string, number: string) =>
  `query ${name} { ticket(provider: KAPTURE, number: "${number}") { number } }`;

describe('automatic persisted queries', () => {
  it.each(['POST', 'GET'] as const)('runs a registered query by its hash over %s', async (method) => {
    const number = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const query = ticketQuery(`By${method}`, number);
    expect(await send[method]({ extensions: persisted(sha256(query)) })).toEqual(NOT_FOUND);
    expect(await post({ query, extensions: persisted(sha256(query)) })).toEqual({
      status: 200,
      body: { data: { ticket: { number } } },
    });
    expect(await send[method]({ extensions: persisted(sha256(query)) })).toEqual({
      status: 200,
      body: { data: { ticket: { number } } },
    });
    expect(gateway.sandbox.calls('kapture')).toBe(2);
  });

  it('refuses a query whose hash is not its own, runs nothing and keeps nothing under that hash', async () => {
    const number = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const claimed = sha256(ticketQuery('Claimed', '999'));
    expect(await post({ query: ticketQuery('Mismatched', number), extensions: persisted(claimed) })).toEqual(
      refusal(400, 'PERSISTED_QUERY_MISMATCH', 'PersistedQueryMismatch'),
    );
    expect(await post({ extensions: persisted(claimed) })).toEqual(NOT_FOUND);
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });

  const SHAPE = /^extensions\.persistedQuery must be \{ "version": 1, "sha256Hash": <64 lowercase hex digits> \}$/;
  const hex = sha256('anything');
  it.each([
    ['version 2', { version: 2, sha256Hash: hex }],
    ['a version as text', { version: '1', sha256Hash: hex }],
    ['no hash', { version: 1 }],
    ['a hash that is a number', { version: 1, sha256Hash: 42 }],
    ['a hash in capitals', { version: 1, sha256Hash: hex.toUpperCase() }],
    ['a short hash', { version: 1, sha256Hash: hex.slice(1) }],
    ['a string', 'x'],
    ['a list', [1]],
  ])('refuses a persistedQuery extension with %s as BAD_REQUEST, over POST and GET', async (_, extension) => {
    const number = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const expected = refusal(400, 'BAD_REQUEST', SHAPE);
    expect(await post({ extensions: { persistedQuery: extension } })).toEqual(expected);
    expect(await get({ extensions: { persistedQuery: extension } })).toEqual(expected);
    expect(await post({ query: ticketQuery('Shaped', number), extensions: { persistedQuery: extension } })).toEqual(
      expected,
    );
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });

  it('holds a registered query to the query limits at every use, calling no upstream', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `t${i}: ticket(provider: KAPTURE, number: "${i}") { number }`);
    const query = `{ ${aliases.join(' ')} }`;
    const tooMany = refusal(400, 'GRAPHQL_VALIDATION_FAILED', /aliases/i);
    expect(await post({ query, extensions: persisted(sha256(query)) })).toEqual(tooMany);
    expect(await post({ extensions: persisted(sha256(query)) })).toEqual(tooMany);
    expect(await get({ extensions: persisted(sha256(query)) })).toEqual(tooMany);
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });

  it('needs the gateway key to register a query and to run one by its hash', async () => {
    const number = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const query = ticketQuery('WithKey', number);
    const unauthenticated = refusal(401, 'UNAUTHENTICATED');
    expect(await post({ query, extensions: persisted(sha256(query)) }, {})).toEqual(unauthenticated);
    // Refused before the plugin: nothing was kept.
    expect(await post({ extensions: persisted(sha256(query)) })).toEqual(NOT_FOUND);
    expect((await post({ query, extensions: persisted(sha256(query)) })).status).toBe(200);
    expect(await post({ extensions: persisted(sha256(query)) }, {})).toEqual(unauthenticated);
    expect(await get({ extensions: persisted(sha256(query)) }, {})).toEqual(unauthenticated);
    expect(gateway.sandbox.calls('kapture')).toBe(1);
  });

  it('runs a hash-only GET without a CSRF header, as any GET of a query, and keeps the header rule for a simple POST', async () => {
    const number = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const query = ticketQuery('NoCsrf', number);
    expect((await post({ query, extensions: persisted(sha256(query)) })).status).toBe(200);
    const byGet = await get({ extensions: persisted(sha256(query)) });
    expect(byGet).toEqual({ status: 200, body: { data: { ticket: { number } } } });
    const form = await fetch(gateway.url, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' },
      body: `extensions=${encodeURIComponent(JSON.stringify(persisted(sha256(query))))}`,
    });
    expect(await answer(form)).toEqual(refusal(403, 'BAD_REQUEST', /^Required CSRF header/));
  });

  it('does not run a registered mutation by GET', async () => {
    const number = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const mutation = `mutation { updateTicket(input: { provider: SWEEPPEA, number: "${number}", title: "By GET" }) { __typename } }`;
    const registered = await post({ query: mutation, extensions: persisted(sha256(mutation)) });
    expect(registered.status).toBe(200);
    const calls = gateway.sandbox.calls('sweeppea');
    const byGet = await get({ extensions: persisted(sha256(mutation)) });
    expect(byGet.status).toBe(405);
    expect(gateway.sandbox.calls('sweeppea')).toBe(calls);
  });

  it('bounds an extensions object by the request body limit (413), and a GET by the header limit', async () => {
    const pad = 'x'.repeat(MAX_REQUEST_BODY_BYTES);
    expect(await post({ extensions: { ...persisted(sha256('{ __typename }')), pad } })).toEqual(
      refusal(413, 'BAD_REQUEST', `Request body too large: at most ${MAX_REQUEST_BODY_BYTES} bytes`),
    );
    const url = `${gateway.url}?extensions=${encodeURIComponent(JSON.stringify({ pad: pad.slice(0, 64 * 1024) }))}`;
    const response = await fetch(url, { headers: AUTH });
    expect(response.status).toBe(431);
  });

  it('refuses a documentId by name: no trusted documents are configured', async () => {
    expect(await post({ documentId: `sha256:${sha256('{ __typename }')}` })).toEqual(
      refusal(400, 'BAD_REQUEST', 'Unexpected parameter "documentId" in the request'),
    );
  });
});
