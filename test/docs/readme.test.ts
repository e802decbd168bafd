import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../../src/server/example-query.js';
import { PROVIDERS_THAT_CAN } from '../../src/providers/catalog.js';
import { schemaFor } from '../../src/graphql/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const app = readFileSync(new URL('../../src/app.ts', import.meta.url), 'utf8');
const graphqlBlocks = [...readme.matchAll(/```graphql\n([\s\S]*?)\n```/g)].map((match) => match[1]!);

describe('README', () => {
  it('shows the example query GraphiQL opens with, as written', () => {
    expect(graphqlBlocks[0]).toBe(EXAMPLE_QUERY.trimEnd());
  });

  it.each(graphqlBlocks.map((block) => [block.split('\n')[0], block]))(
    'has only operations the served schema accepts: %s',
    (_first, block) => {
      expect(validate(schemaFor(PROVIDERS_THAT_CAN), parse(block)).map((error) => error.message)).toEqual([]);
    },
  );

  it('acts on no ticket of the opening query, whose answer it shows: the sandbox keeps a change until it restarts', () => {
    const opening = [...EXAMPLE_QUERY.matchAll(/number: "([^"]+)"/g)].map((match) => match[1]);
    const acted = graphqlBlocks
      .filter((block) => /^\s*mutation\b/m.test(block))
      .flatMap((block) => [...block.matchAll(/number: "([^"]+)"/g)].map((match) => match[1]));
    expect(acted.length).toBeGreaterThan(0);
    expect(acted.filter((number) => opening.includes(number))).toEqual([]);
  });

  it("names every plugin app.ts lists, in its order, on a request's path", () => {
    const start = app.indexOf('plugins: [');
    const listed = app.slice(start, app.indexOf('\n    ],', start));
    const path = readme.slice(readme.indexOf("**On a request's path**"), readme.indexOf('**Beside it:**'));
    const called = [...listed.matchAll(/\b(use[A-Z]\w*)\(/g)].map((match) => match[1]);
    expect([...path.matchAll(/\buse[A-Z]\w*/g)].map((match) => match[0])).toEqual(called);
  });
});
