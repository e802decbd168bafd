import { describe, expect, it } from 'vitest';
import { hasMoreContainersThan } from '../../../src/upstream/json-containers.js';

describe('hasMoreContainersThan', () => {
  it.each([
    ['{}', 1, false],
    ['{}', 0, true],
    ['[{},{},[]]', 4, false],
    ['[{},{},[]]', 3, true],
    // Brackets inside strings are text, escaped quotes included.
    ['{"a":"[[[{{{"}', 1, false],
    ['{"a":"\\"[[[{{{"}', 1, false],
    ['{"a":"\\\\"}', 1, false],
    ['{"a":"\\\\","b":[]}', 1, true],
    ['"just a string with [brackets]"', 0, false],
  ])('%s with limit %i: %s', (text, limit, expected) => {
    expect(hasMoreContainersThan(text, limit)).toBe(expected);
  });
});
