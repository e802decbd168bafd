import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isLocalDate, parseLocalDate } from '../../../src/domain/dates.js';
import { fastLocalTime } from '../../../src/domain/local-time.js';

const ZONES = [
  'Asia/Kolkata',
  'Europe/Rome',
  'Europe/Stockholm',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'Africa/Casablanca', // DST suspended each Ramadan
  'Etc/UTC',
  'America/St_Johns', // until 2011 its clocks changed at 00:01 local, inside a quarter-hour
  'America/Moncton', // likewise, until 2006
];
const FORMATS = ['dd-MM-yyyy HH:mm', 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

/** What luxon answers, which the fast path must equal whenever it answers at all. */
function luxon(text: string, format: string, zone: string): string | null {
  const date = DateTime.fromFormat(text, format, { zone, setZone: true });
  return date.isValid ? (date.toISO({ suppressMilliseconds: true }) as string) : null;
}

/** A small seeded generator, so a failure names a case that can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const two = (value: number) => String(value).padStart(2, '0');
const render = (format: string, [y, mo, d, h, mi, s]: number[]) =>
  format
    .replace('yyyy', String(y).padStart(4, '0'))
    .replace('MM', two(mo!))
    .replace('dd', two(d!))
    .replace('HH', two(h!))
    .replace('mm', two(mi!))
    .replace('ss', two(s!));

describe('fastLocalTime', () => {
  it('equals luxon on 20,000 random local times, 1900 to 2100, in zones with odd offsets and DST', () => {
    const next = random(42);
    const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
    let answered = 0;
    for (let run = 0; run < 20_000; run++) {
      const zone = ZONES[run % ZONES.length]!;
      const format = FORMATS[run % FORMATS.length]!;
      // Around the DST months half the time; out-of-range fields now and then.
      const month = next() < 0.5 ? [3, 4, 9, 10, 11][int(0, 4)]! : int(0, 13);
      const text = render(format, [int(1895, 2100), month, int(0, 32), int(0, 24), int(0, 60), int(0, 60)]);
      const fast = fastLocalTime(text, format, zone);
      if (fast === undefined) continue;
      answered++;
      expect({ text, format, zone, iso: fast }).toEqual({ text, format, zone, iso: luxon(text, format, zone) });
    }
    expect(answered).toBeGreaterThan(18_000);
    // Twenty thousand luxon parses: seconds of CPU on a busy machine, not a hang.
  }, 60_000);

  // For an ambiguous local time luxon's first guess is the zone's offset now, so the DST cases
  // run as if in January and as if in July: a regression that holds only in one season fails.
  afterEach(() => vi.useRealTimers());

  for (const now of ['2025-01-15T12:00:00Z', '2025-07-15T12:00:00Z']) {
    it(`equals luxon around DST changes, minute by minute, with the clock at ${now.slice(0, 10)}`, () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(now));
      const windows = [
        ['Europe/Rome', ['2024-03-31', '2024-10-27']],
        ['America/New_York', ['2024-03-10', '2024-11-03']],
        ['America/St_Johns', ['1987-04-05', '1987-10-25', '2010-03-14', '2010-11-07']],
        ['America/Moncton', ['1990-04-01', '1990-10-28']],
        ['Australia/Lord_Howe', ['2024-04-07', '2024-10-06']],
      ] as const;
      for (const [zone, days] of windows) {
        for (const day of days) {
          for (let minutes = 0; minutes < 4 * 60; minutes++) {
            const text = `${day} ${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
            expect(fastLocalTime(text, 'yyyy-MM-dd HH:mm', zone), `${zone} ${text}`).toBe(
              luxon(text, 'yyyy-MM-dd HH:mm', zone),
            );
          }
        }
      }
    });
  }

  it.each([
    ['19-04-2024 14:19 extra'],
    ['9-4-2024 14:19'],
    ['19-04-2024  14:19'],
    ['19/04/2024 14:19'],
    ['19-04-2024T14:19'],
    ['19-04-2024 4:19'],
    ['٢٠٢٤-04-19 14:19'],
    ['31-02-2024 10:00'],
    ['29-02-2023 10:00'],
    ['19-04-2024 24:00'],
    ['19-04-2024 24:01'],
    [''],
  ])('reads %j as luxon does', (text) => {
    expect(fastLocalTime(text, 'dd-MM-yyyy HH:mm', 'Asia/Kolkata')).toBe(
      luxon(text, 'dd-MM-yyyy HH:mm', 'Asia/Kolkata'),
    );
  });

  it('leaves to luxon what it does not cover: other tokens, fixed or unknown zones, years before 1900 or past 9999', () => {
    expect(fastLocalTime('19-04-2024 14:19', 'd-M-yyyy H:mm', 'Asia/Kolkata')).toBeUndefined();
    expect(fastLocalTime('19-04-2024 14:19', 'dd-MM-yyyy HH:mm', 'Mars/Olympus_Mons')).toBeUndefined();
    expect(fastLocalTime('31-12-9999 24:00', 'dd-MM-yyyy HH:mm', 'Asia/Kolkata')).toBeUndefined();
    expect(fastLocalTime('19-04-2024 14:19', 'dd-MM-yyyy HH:mm', 'UTC')).toBeUndefined();
    expect(fastLocalTime('19-04-1899 14:19', 'dd-MM-yyyy HH:mm', 'Asia/Kolkata')).toBeUndefined();
  });
});

describe('isLocalDate', () => {
  it('says yes exactly where parseLocalDate reads a date, in any zone', () => {
    const next = random(7);
    const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
    const texts = [
      '',
      '0000-00-00 00:00:00',
      '2024-04-19T14:19:00Z',
      '2024-04-19T14:19:00+25:00',
      '2024-04-19',
      'yesterday',
      '19-04-1850 10:00',
    ];
    for (let run = 0; run < 3000; run++) {
      const format = FORMATS[run % FORMATS.length]!;
      texts.push(render(format, [int(1890, 2100), int(0, 13), int(0, 32), int(0, 24), int(0, 60), int(0, 60)]));
    }
    for (const text of texts) {
      for (const zone of ['Asia/Kolkata', 'Europe/Rome']) {
        expect({ text, zone, isDate: isLocalDate(text, FORMATS) }).toEqual({
          text,
          zone,
          isDate: parseLocalDate(text, zone, FORMATS) !== undefined,
        });
      }
    }
  });
});
