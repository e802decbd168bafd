import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../../src/server/example-query.js';
import { QUERY_LIMITS } from '../../src/server/plugins/use-query-limits.js';
import { MAX_TICKETS_PER_REQUEST } from '../../src/loading/ticket-loader.js';
import { startGateway, type Gateway } from './harness.js';

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

/** POSTs a query as a frontend would and gives the status and the parsed body. */
async function post(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

const kapture = () => gateway.sandbox.ticketNumbers('kapture');

describe('query limits', () => {
  it('lets the README and GraphiQL example through', async () => {
    const { status, body } = await post(EXAMPLE_QUERY);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('lets a tickets query with 100 refs written inline through', async () => {
    const numbers = Array.from({ length: 100 }, (_, index) => kapture()[index % kapture().length]!);
    const refs = numbers.map((number) => `{ provider: KAPTURE, number: "${number}" }`).join(' ');
    const { status, body } = await post(
      `{ tickets(refs: [${refs}]) { id number subject status replies { author { name } } } }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(gateway.sandbox.calls('kapture')).toBeGreaterThan(0);
  });

  it(`refuses a selection deeper than ${QUERY_LIMITS.maxDepth} before anything runs`, async () => {
    const deep = `{ ${'a { '.repeat(QUERY_LIMITS.maxDepth + 1)}b${' }'.repeat(QUERY_LIMITS.maxDepth + 1)} }`;
    const { status, body } = await post(deep);
    expect(status).toBe(400);
    expect(body.errors).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/depth limit/i),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    );
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it(`refuses more than ${QUERY_LIMITS.maxAliases} aliases: the 100-ref cap cannot be multiplied`, async () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, index) => `t${index}: tickets(refs: $refs) { id }`,
    ).join(' ');
    const { status, body } = await post(`query($refs: [TicketRef!]!) { ${aliases} }`, {
      refs: [{ provider: 'KAPTURE', number: kapture()[0] }],
    });
    expect(status).toBe(400);
    expect(body.errors).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/aliases limit/i),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    );
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it(`refuses a document of more than ${QUERY_LIMITS.maxTokens} tokens`, async () => {
    const fields = Array.from({ length: QUERY_LIMITS.maxTokens }, () => '__typename').join(' ');
    const { status, body } = await post(`{ ${fields} }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.message)).toContainEqual(expect.stringMatching(/token limit/i));
  });

  it('answers a client that accepts only application/json with the same refusal under HTTP 200, as GraphQL over HTTP asks', async () => {
    const deep = `{ ${'a { '.repeat(QUERY_LIMITS.maxDepth + 1)}b${' }'.repeat(QUERY_LIMITS.maxDepth + 1)} }`;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: deep }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/depth limit/i),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it(`refuses more than ${QUERY_LIMITS.maxDirectives} directives`, async () => {
    const { status, body } = await post(
      `{ __typename ${'@include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)} }`,
    );
    expect(status).toBe(400);
    expect(body.errors).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/directives limit/i),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    );
  });

  it(`reads at most ${MAX_TICKETS_PER_REQUEST} distinct tickets per request, across aliases`, async () => {
    const refsOf = (from: number) =>
      Array.from({ length: 100 }, (_, index) => ({ provider: 'HOSTUP', number: String(900_000 + from + index) }));
    const { body } = await post(
      'query($a: [TicketRef!]!, $b: [TicketRef!]!, $c: [TicketRef!]!) { a: tickets(refs: $a) { id } b: tickets(refs: $b) { id } c: tickets(refs: $c) { id } }',
      { a: refsOf(0), b: refsOf(100), c: refsOf(200) },
    );
    const capped = (body.errors ?? []).filter((error) => /at most 200 distinct tickets/.test(error.message));
    expect(capped).toHaveLength(100);
    expect(capped.every((error) => error.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    // The first 200 were asked of HostUp (all unknown there); the 100 past the cap never were.
    expect(gateway.sandbox.calls('hostup')).toBe(200);
  });
});
