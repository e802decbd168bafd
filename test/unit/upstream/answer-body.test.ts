import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../src/upstream/answer-body.js';

describe('parseJson', () => {
  it.each([
    ['an object', '{"a":[1,2]}', 200, { a: [1, 2] }],
    ['a bare array', '[{"id":"1"}]', 200, [{ id: '1' }]],
    ['an empty body, as nothing', '', 200, undefined],
    ['a blank body, as nothing', ' \n', 204, undefined],
    ["a proxy's error page, dropped so the status stands", '<html>Bad gateway', 502, undefined],
    ['a text on a 404, dropped', 'Not Found', 404, undefined],
    ['a page on a 300, dropped', '<html>Multiple Choices', 300, undefined],
  ])('reads %s', (_case, text, status, body) => {
    expect(parseJson(text, status, 'kapture')).toEqual(body);
  });

  it('answers UPSTREAM_INVALID_RESPONSE for a success that is not JSON', () => {
    expect(() => parseJson('<html>Welcome', 200, 'kapture')).toThrow(
      expect.objectContaining({
        code: 'UPSTREAM_INVALID_RESPONSE',
        provider: 'kapture',
        upstreamStatus: 200,
        message: 'kapture answered HTTP 200 with a body that is not JSON',
      }),
    );
  });

  it('refuses, before parsing, a long text of more than 100,000 objects and arrays', () => {
    const text = `[${'{},'.repeat(100_000)}{}]`;
    expect(() => parseJson(text, 200, 'kapture')).toThrow(
      expect.objectContaining({
        code: 'UPSTREAM_INVALID_RESPONSE',
        message: 'kapture answered with more than 100000 JSON objects and arrays',
      }),
    );
  });
});
