import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../../src/example-query.js';

describe('README', () => {
  it('shows the example query GraphiQL opens with, as written', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```graphql\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block).toBe(EXAMPLE_QUERY.trimEnd());
  });
});
