import { describe, expect, it } from 'vitest';
import { latest } from '../../../../src/providers/kit/ticket-dates.js';

describe('latest', () => {
  it.each([
    ['none', [], null],
    ['only nulls', [null, null], null],
    ['one date', ['2024-04-19T14:19:00+05:30'], '2024-04-19T14:19:00+05:30'],
    // docs/providers/kapture.md: lastFollowUp, lastConvesationTime and date of the seed.
    [
      "the seed's Kapture dates",
      ['2024-04-22T14:31:00+05:30', '2024-04-19T14:19:00+05:30', '2024-04-19T14:19:00+05:30'],
      '2024-04-22T14:31:00+05:30',
    ],
    [
      'instants, not text: a later instant written with a smaller local time',
      ['2025-07-01T18:30:00Z', '2025-07-01T21:30:00+02:00', '2025-07-01T15:00:00-05:00'],
      '2025-07-01T15:00:00-05:00',
    ],
    ['nulls among dates', [null, '2016-01-01T06:30:00+01:00', null], '2016-01-01T06:30:00+01:00'],
    [
      'equal instants: the first, as written',
      ['2025-07-01T20:30:00+02:00', '2025-07-01T18:30:00Z', '2025-07-01T18:30:00.000Z'],
      '2025-07-01T20:30:00+02:00',
    ],
  ])('answers %s', (_, dates, expected) => {
    expect(latest(dates)).toBe(expected);
  });
});
