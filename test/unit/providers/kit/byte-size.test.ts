import { describe, expect, it } from 'vitest';
import { byteSize, MAX_GRAPHQL_INT } from '../../../../src/providers/kit/byte-size.js';

describe('byteSize', () => {
  it.each([
    [0, 0],
    [52_731, 52_731],
    ['52731', 52_731],
    [' 1024 ', 1024],
    [MAX_GRAPHQL_INT, MAX_GRAPHQL_INT],
  ])('keeps %j as %j bytes', (value, size) => {
    expect(byteSize(value)).toBe(size);
  });

  it.each([
    ['past the largest Int', MAX_GRAPHQL_INT + 1],
    ['a 5 GB file', 5_000_000_000],
    ['a fraction', 1.5],
    ['a negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an empty string (Number() would make it 0)', ''],
    ['a unit', '12 KB'],
    ['a decimal string', '1.5'],
    ['an exponent string', '1e3'],
    ['a boolean', true],
    ['an array', [7]],
    ['null', null],
    ['missing', undefined],
  ])('drops %s', (_case, value) => {
    expect(byteSize(value)).toBeNull();
  });
});
