import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useIntrospectionOff } from '../../../../src/server/plugins/use-introspection-off.js';

const schema = createSchema({
  typeDefs: 'type Query { _service: Service!, b: String } type Service { sdl: String! }',
  resolvers: { Query: { _service: () => ({ sdl: 'type Query { b: String }' }), b: () => 'b' } },
});

const yoga = createYoga({ schema, plugins: [useIntrospectionOff()], logging: false });

async function post(query: string) {
  const response = await yoga.fetch('http://yoga/graphql', {
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

describe('useIntrospectionOff', () => {
  it('answers a query that asks for no schema', async () => {
    expect(await post('{ b __typename }')).toEqual({ status: 200, body: { data: { b: 'b', __typename: 'Query' } } });
  });

  it.each(['{ __schema { queryType { name } } }', '{ __type(name: "Query") { name } }'])(
    'refuses %s in validation',
    async (query) => {
      const { status, body } = await post(query);
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/introspection/i),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    },
  );

  it('refuses the subgraph SDL, naming the command that prints it', async () => {
    const { status, body } = await post('{ b _service { sdl } }');
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/introspection.*disabled.*npm run subgraph:sdl/i),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });
});
