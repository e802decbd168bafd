import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS, useQueryLimits } from '../../../../src/server/plugins/use-query-limits.js';

const schema = createSchema({
  typeDefs: 'type Query { a: Query, b: String, c: String }',
  resolvers: { Query: { a: () => ({}), b: () => 'b', c: () => 'c' } },
});

const yoga = createYoga({ schema, plugins: [useQueryLimits()], logging: false });

async function post(query: string, server = yoga) {
  const response = await server.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, body };
}

const nested = (depth: number, leaf: string) => `{ ${'a { '.repeat(depth)}${leaf}${' }'.repeat(depth)} }`;

describe('useQueryLimits', () => {
  it('lets a query within every limit run', async () => {
    const { status, body } = await post(nested(QUERY_LIMITS.maxDepth - 1, 'b c'));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it.each([
    ['depth', nested(QUERY_LIMITS.maxDepth + 1, 'b'), /depth limit/i],
    [
      'aliases',
      `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, index) => `b${index}: b`).join(' ')} }`,
      /aliases limit/i,
    ],
    ['directives', `{ b ${'@include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)} }`, /directives limit/i],
    ['cost', nested(QUERY_LIMITS.maxDepth - 1, Array.from({ length: 400 }, () => 'b').join(' ')), /cost limit/i],
  ])('refuses a query past the %s limit as a validation error, before anything runs', async (_, query, message) => {
    const { status, body } = await post(query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(message),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    );
  });

  it('refuses a document past the token limit while parsing', async () => {
    const { status, body } = await post(`{ ${Array.from({ length: QUERY_LIMITS.maxTokens }, () => 'b').join(' ')} }`);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.message)).toContainEqual(expect.stringMatching(/token limit/i));
  });

  it('takes other limits in place of QUERY_LIMITS', async () => {
    const strict = createYoga({ schema, plugins: [useQueryLimits({ ...QUERY_LIMITS, maxDepth: 2 })], logging: false });
    expect((await post(nested(1, 'b'), strict)).status).toBe(200);
    const { status, body } = await post(nested(3, 'b'), strict);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.message)).toContainEqual(expect.stringMatching(/depth limit/i));
  });
});
