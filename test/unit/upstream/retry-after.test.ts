import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterHeader } from '../../../src/upstream/retry-after.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['delta-seconds', '120', 120],
    ['a number', 30, 30],
    ['fractional seconds, rounded up so no retry comes early', '1.2', 2],
    ['zero', '0', 0],
    ['spaces around it', ' 7 ', 7],
    ['an HTTP date 90 s ahead', 'Sun, 22 Nov 2026 12:01:30 GMT', 90],
    ['an HTTP date in the past, as no wait', 'Sun, 22 Nov 2026 11:00:00 GMT', 0],
  ])('reads %s', (_, value, seconds) => {
    expect(parseRetryAfter(value, NOW)).toBe(seconds);
  });

  it.each([
    ['nothing', undefined],
    ['an empty string', ''],
    ['a word', 'soon'],
    ['a negative number', '-5'],
    ['an object', { s: 1 }],
  ])('says nothing for %s', (_, value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it.each([
    ['400 digits (Infinity as a number)', '9'.repeat(400)],
    ['a day and a second', '86401'],
    ['an HTTP date a year ahead', 'Mon, 22 Nov 2027 12:00:00 GMT'],
  ])('caps %s at one day, a finite integer', (_, value) => {
    expect(parseRetryAfter(value, NOW)).toBe(86_400);
  });

  it('reads the first of repeated Retry-After headers', () => {
    expect(retryAfterHeader({ status: 429, headers: { 'retry-after': ['5', '9'] }, body: undefined })).toBe(5);
    expect(retryAfterHeader({ status: 429, headers: {}, body: undefined })).toBeUndefined();
  });
});
