import { describe, expect, it } from 'vitest';
import { nonEmpty, textOf } from '../../../../src/providers/kit/upstream-text.js';

describe('textOf', () => {
  it.each([
    // docs/providers/keliweb.md: WHMCS sends ids as strings, or as numbers.
    ['516757', '516757'],
    [516757, '516757'],
    ['  Customer-Reply \r\n', 'Customer-Reply'],
    [0, '0'],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    [true, null],
    [{ name: 'x' }, null],
    [['a'], null],
  ])('reads %j as %j', (value, text) => {
    expect(textOf(value)).toBe(text);
  });
});

describe('nonEmpty', () => {
  it.each([
    // docs/providers/sweeppea.md: AccountInfo.FullName of the seed.
    ['John Doe', 'John Doe'],
    [' renaissance ', 'renaissance'],
    ['', null],
    ['\t \n', null],
    [null, null],
    [undefined, null],
    [42, null],
    [false, null],
  ])('reads %j as %j', (value, text) => {
    expect(nonEmpty(value)).toBe(text);
  });
});
