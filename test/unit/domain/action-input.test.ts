import { describe, expect, it } from 'vitest';
import { checkIdempotencyKey, checkReplyBody, checkTarget } from '../../../src/domain/action-input.js';
import { encodeTicketId } from '../../../src/domain/ids.js';

describe('checkTarget', () => {
  it('reads a ticket by id or by provider and number', () => {
    expect(checkTarget({ id: encodeTicketId({ provider: 'kapture', number: '42' }) })).toEqual({
      ref: { provider: 'kapture', number: '42' },
      namedBy: 'id',
    });
    expect(checkTarget({ provider: 'hostup', number: '7' })).toEqual({
      ref: { provider: 'hostup', number: '7' },
      namedBy: 'number',
    });
  });

  it.each([
    [{}, 'id'],
    [{ id: 'x', provider: 'hostup' as const }, 'id'],
    [{ number: '7' }, 'provider'],
    [{ provider: 'hostup' as const }, 'number'],
    [{ id: 'not a global id' }, 'id'],
  ])('refuses %o, naming %s', (input, field) => {
    expect(() => checkTarget(input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
  });
});

describe('checkIdempotencyKey', () => {
  it('takes 1 to 255 printable ASCII characters, and no key at all', () => {
    expect(checkIdempotencyKey({ idempotencyKey: '0193a1f0-7c3e-7b2a-9c1d-5f3e2a1b0c9d' })).toBe(
      '0193a1f0-7c3e-7b2a-9c1d-5f3e2a1b0c9d',
    );
    expect(checkIdempotencyKey({ idempotencyKey: 'k'.repeat(255) })).toBe('k'.repeat(255));
    expect(checkIdempotencyKey({})).toBeUndefined();
    expect(checkIdempotencyKey({ idempotencyKey: null })).toBeUndefined();
  });

  it.each([[''], ['k'.repeat(256)], ['with space'], ['tab\tkey'], ['ключ']])('refuses %j', (idempotencyKey) => {
    expect(() => checkIdempotencyKey({ idempotencyKey })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' }),
    );
  });
});

describe('checkReplyBody', () => {
  it('keeps the body exactly as given, up to 20,000 characters, with tabs and \\n or \\r\\n line breaks', () => {
    expect(checkReplyBody('  Thanks,\r\n\tthe team\n')).toBe('  Thanks,\r\n\tthe team\n');
    expect(checkReplyBody('a'.repeat(20_000))).toHaveLength(20_000);
  });

  it.each([
    ['', 'The reply must not be blank'],
    [' \n\t ', 'The reply must not be blank'],
    ['\u200b\u2060\ufeff', 'The reply must not be blank'],
    ['a'.repeat(20_001), 'The reply must be at most 20,000 characters; it has 20,001'],
    ['a\u0000b', 'The body holds a control character (U+0000)'],
    ['a\rb', 'The body holds a control character (U+000D)'],
    ['a\u202eb', 'The body holds a control character (U+202E)'],
    ['a\ud800b', 'The body is not well-formed Unicode (a lone surrogate)'],
  ])('refuses %j: %s', (body, message) => {
    expect(() => checkReplyBody(body)).toThrow(expect.objectContaining({ field: 'body', message }));
  });
});
