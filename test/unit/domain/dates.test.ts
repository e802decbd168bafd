import { describe, expect, it } from 'vitest';
import { parseEpochDigits, parseIsoDate, parseLocalDate } from '../../../src/domain/dates.js';

const FORMATS = ['yyyy-MM-dd HH:mm:ss'];

describe('parseLocalDate', () => {
  it.each([
    ['a local time in the zone, summer offset', '2025-07-01 09:00:00', '2025-07-01T09:00:00+02:00'],
    ['a local time in the zone, winter offset', '2025-01-01 09:00:00', '2025-01-01T09:00:00+01:00'],
    ['ISO-8601 without an offset, in the zone', '2025-07-01T09:00:00', '2025-07-01T09:00:00+02:00'],
    ['ISO-8601 in UTC, its offset kept', '2025-07-01T07:00:00Z', '2025-07-01T07:00:00Z'],
    ['ISO-8601 with an offset, kept', '2025-07-01T12:30:00+05:30', '2025-07-01T12:30:00+05:30'],
    ['ISO-8601 with fractions', '2025-07-01T07:00:00.250Z', '2025-07-01T07:00:00.250Z'],
    ['the all-zero "never"', '0000-00-00 00:00:00', null],
    ['empty', '', null],
  ])('reads %s', (_case, text, iso) => {
    expect(parseLocalDate(text, 'Europe/Stockholm', FORMATS)).toBe(iso);
  });

  it.each([
    ['01/07/2025 09:00'],
    ['2025-07-01'],
    ['2025-W27'],
    ['2025'],
    ['2025-02-30 09:00:00'],
    ['2025-07-01T24:30:00'],
    ['soon'],
  ])('refuses %j', (text) => {
    expect(parseLocalDate(text, 'Europe/Stockholm', FORMATS)).toBeUndefined();
  });
});

describe('parseIsoDate', () => {
  it('keeps the offset a timestamp carries', () => {
    expect(parseIsoDate('2025-01-26T10:00:00-05:00')).toBe('2025-01-26T10:00:00-05:00');
  });

  it('refuses a timestamp with no offset unless told the zone to read it in', () => {
    expect(parseIsoDate('2025-01-26T10:00:00')).toBeUndefined();
    expect(parseIsoDate('2025-01-26T10:00:00', 'UTC')).toBe('2025-01-26T10:00:00Z');
  });

  it.each([['2025-01-26'], ['2025-01-26 10:00:00Z'], ['P1D'], ['2025-01-26T10:00:00+25:00']])('refuses %j', (text) => {
    expect(parseIsoDate(text, 'UTC')).toBeUndefined();
  });
});

describe('parseEpochDigits', () => {
  it.each([
    ['ten digits as epoch seconds', '1713516540', '2024-04-19T14:19:00+05:30'],
    ['thirteen digits as epoch milliseconds', '1713516540000', '2024-04-19T14:19:00+05:30'],
    ['milliseconds that are not whole seconds', '1713516540250', '2024-04-19T14:19:00.250+05:30'],
    ['the first ten-digit second', '1000000000', '2001-09-09T07:16:40+05:30'],
    ['the last ten-digit second', '9999999999', '2286-11-20T23:16:39+05:30'],
    ['the first thirteen-digit millisecond', '1000000000000', '2001-09-09T07:16:40+05:30'],
    ['leading zeros aside', '001713516540', '2024-04-19T14:19:00+05:30'],
    ['zero for none', '0', null],
    ['all zeros for none', '0000000000', null],
  ])('reads %s', (_case, digits, iso) => {
    expect(parseEpochDigits(digits, 'Asia/Kolkata')).toBe(iso);
  });

  it.each([
    ['one digit', '7'],
    ['nine digits', '999999999'],
    ['eleven digits', '17135165400'],
    ['twelve digits', '171351654000'],
    ['fourteen digits', '17135165400000'],
    ['sixteen digits (microseconds)', '1713516540000000'],
    ['a sign', '-1713516540'],
    ['a fraction', '1713516540.5'],
    ['an exponent', '1.7e9'],
    ['spaces', ' 1713516540'],
  ])('refuses %s as unreadable', (_case, digits) => {
    expect(parseEpochDigits(digits, 'Asia/Kolkata')).toBeUndefined();
  });
});
