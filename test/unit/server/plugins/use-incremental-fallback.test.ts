import { describe, expect, it } from 'vitest';
import { acceptsIncremental } from '../../../../src/server/plugins/use-incremental-fallback.js';

const request = (accept?: string) =>
  new Request('http://127.0.0.1/graphql', accept === undefined ? {} : { headers: { accept } });

describe('acceptsIncremental', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['multipart/*', false],
    ['multipart/mixed', true],
    ['Multipart/Mixed; deferSpec=20220824', true],
    ['application/json, multipart/mixed;q=0.5', true],
    ['application/json, multipart/mixed;q=0', false],
    ['multipart/mixed; charset=utf-8', true],
    ['multipart/mixed;charset=iso-8859-1, application/json', false],
    ['text/event-stream', true],
    ['application/graphql-response+json, application/json', false],
    ['application/json', false],
    ['text/html', false],
  ])('Accept %j → %s', (accept, expected) => {
    expect(acceptsIncremental(request(accept))).toBe(expected);
  });
});
