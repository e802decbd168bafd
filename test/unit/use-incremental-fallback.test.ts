import { describe, expect, it } from 'vitest';
import { acceptsIncremental } from '../../src/use-incremental-fallback.js';

const request = (accept?: string) => new Request('http://127.0.0.1/graphql', accept === undefined ? {} : { headers: { accept } });

describe('acceptsIncremental', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['*/*', true],
    ['multipart/mixed', true],
    ['Multipart/Mixed; deferSpec=20220824', true],
    ['application/json, multipart/mixed;q=0.5', true],
    ['text/event-stream', true],
    ['application/graphql-response+json, application/json', false],
    ['application/json', false],
    ['text/html', false],
  ])('Accept %j → %s', (accept, expected) => {
    expect(acceptsIncremental(request(accept))).toBe(expected);
  });
});
