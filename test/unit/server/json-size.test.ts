import { describe, expect, it } from 'vitest';
import { jsonSize } from '../../../src/server/json-size.js';

describe('jsonSize', () => {
  it.each([
    ['null', null, 4],
    ['true', true, 4],
    ['false', false, 5],
    ['an integer', 12345, 5],
    ['a fraction', -0.5, 4],
    ['NaN, written null', Number.NaN, 4],
    ['an empty string', '', 2],
    ['ASCII', 'hello', 7],
    ['quotes and backslashes', 'a"b\\c', 9],
    ['the short escapes', '\b\t\n\f\r', 12],
    ['other controls', '\u0000\u001f', 14],
    ['two- and three-byte characters', 'é€', 7],
    ['a surrogate pair (one emoji)', '😀', 6],
    ['a lone surrogate', 'a\ud800b', 10],
    ['an empty array', [], 2],
    ['an array with holes of undefined', [1, undefined, 'x'], 12],
    ['an empty object', {}, 2],
    ['an object, its undefined members left out', { a: 1, b: undefined, 'k"': 'v' }, 17],
    ['nesting', { tickets: [{ number: '1', raw: { body: 'x\ny' } }, null] }, 55],
  ])('counts %s as JSON.stringify writes it', (_case, value, bytes) => {
    expect(jsonSize(value)).toBe(bytes);
  });

  it('stops counting once past stopAt: the same string a thousand times is not read a thousand times', () => {
    const big = 'x'.repeat(1_000_000);
    let reads = 0;
    const aliases = new Proxy(
      Array.from({ length: 1_000 }, () => big),
      {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
          return Reflect.get(target, key, receiver);
        },
      },
    );
    expect(jsonSize(aliases, 3_000_000)).toBeGreaterThan(3_000_000);
    expect(reads).toBe(3);
  });
});
