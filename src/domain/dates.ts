import { DateTime } from 'luxon';
import type { IsoDateTime } from './model.js';
import { fastLocalTime, isFastLocalTime } from './local-time.js';

/** The zone `isLocalDate` asks luxon in, when the fast path leaves a format to it. */
export const FORMAT_CHECK_ZONE = 'Etc/UTC';

/** Values WHMCS-style APIs send for "no date". */
const EMPTY_DATES = new Set(['', '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00']);

function toIso(date: DateTime): IsoDateTime {
  return date.toISO({ suppressMilliseconds: true }) as IsoDateTime;
}

/** An ISO-8601 date and time (`2025-03-04T09:12`…): a bare year or week date is not a timestamp here. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** The offset an ISO-8601 timestamp ends with, when it has one. */
const ISO_OFFSET = /(?:Z|[+-]\d\d(?::?\d\d)?)$/i;
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Reads a zone-less local timestamp in `zone` (an IANA name) with the first of `formats`
 * (luxon tokens) that fits. Returns ISO-8601 with the zone's offset at that instant, or
 * null for an empty or all-zero value; undefined when nothing fits, so the caller can
 * decide whether that is an invalid response.
 *
 * An ISO-8601 timestamp is read too, whatever `formats` say: with its own offset kept, or in
 * `isoZone` (default `zone`) when it has none. Providers moving to newer APIs (HostUp's v2 sends ISO in UTC) mix
 * the two, and one such date must not make the whole ticket an invalid response.
 */
export function parseLocalDate(
  text: string | null | undefined,
  zone: string,
  formats: readonly string[],
  /** Zone of an ISO-8601 timestamp without an offset, when it differs from `zone`. */
  isoZone: string = zone,
): IsoDateTime | null | undefined {
  if (text == null) return null;
  const trimmed = text.trim();
  if (EMPTY_DATES.has(trimmed)) return null;
  for (const format of formats) {
    // Luxon decides only what the fast path leaves open (see local-time.ts).
    const fast = fastLocalTime(trimmed, format, zone);
    if (fast !== undefined) {
      if (fast !== null) return fast as IsoDateTime;
      continue;
    }
    const date = DateTime.fromFormat(trimmed, format, { zone, setZone: true });
    if (date.isValid) return toIso(date);
  }
  return parseIsoDate(text, isoZone) ?? undefined;
}

/**
 * Whether `parseLocalDate` reads `text` with these formats (in any zone: being a date does not
 * depend on it), without the zone arithmetic: what a payload's shape checks before the mapper reads it.
 */
export function isLocalDate(text: string | null | undefined, formats: readonly string[]): boolean {
  if (text == null) return true;
  const trimmed = text.trim();
  if (EMPTY_DATES.has(trimmed)) return true;
  for (const format of formats) {
    const fast = isFastLocalTime(trimmed, format);
    if (fast ?? DateTime.fromFormat(trimmed, format, { zone: FORMAT_CHECK_ZONE, setZone: true }).isValid) return true;
  }
  return parseIsoDate(trimmed, FORMAT_CHECK_ZONE) !== undefined;
}

/** A date sent as digits alone: a JSON number or a digit string (Kapture's, docs/providers/kapture.md). */
export const EPOCH_DIGITS = /^\d+$/;
/** Epoch seconds of ten digits, and milliseconds of thirteen, both span 2001-09-09 to 2286-11-20. */
const TEN_DIGITS = [1e9, 1e10] as const;
const THIRTEEN_DIGITS = [1e12, 1e13] as const;

/**
 * Reads a date sent as digits by how many there are, leading zeros aside: ten are epoch seconds,
 * thirteen epoch milliseconds, rendered in `zone`. Zero (all zeros) is null, an API's "no date".
 * Any other count is undefined, unreadable like a date in no known format, and so an invalid
 * answer rather than a guess: eleven or twelve digits could be seconds after 2286 or milliseconds
 * before 2001, fewer would be seconds before 2001 or milliseconds in 1970, more, a time past 2286.
 */
export function parseEpochDigits(digits: string, zone: string): IsoDateTime | null | undefined {
  if (!EPOCH_DIGITS.test(digits)) return undefined;
  const value = Number(digits);
  if (value === 0) return null;
  if (value >= TEN_DIGITS[0] && value < TEN_DIGITS[1]) return fromEpochMillis(value * 1000, zone);
  if (value >= THIRTEEN_DIGITS[0] && value < THIRTEEN_DIGITS[1]) return fromEpochMillis(value, zone);
  return undefined;
}

/** Reads epoch milliseconds as an instant, rendered in `zone`. */
function fromEpochMillis(millis: number, zone: string): IsoDateTime | undefined {
  const date = DateTime.fromMillis(millis, { zone });
  return date.isValid ? toIso(date) : undefined;
}

/**
 * Reads an ISO-8601 date and time, keeping the offset it carries (or `Z`). One without an offset
 * is read in `zoneIfNone` when given, and refused (undefined) when not: the DateTime scalar's
 * input must say its offset. Null for an empty value.
 */
export function parseIsoDate(text: string | null | undefined, zoneIfNone?: string): IsoDateTime | null | undefined {
  if (text == null || text.trim() === '') return null;
  const trimmed = text.trim();
  if (!ISO_DATE_TIME.test(trimmed)) return undefined;
  if (zoneIfNone === undefined && !ISO_OFFSET.test(trimmed)) return undefined;
  const date = DateTime.fromISO(trimmed, { zone: zoneIfNone ?? 'UTC', setZone: true });
  // Real offsets run from -12:00 to +14:00; luxon would take +25:00 and print it back.
  return date.isValid && Math.abs(date.offset) <= MAX_OFFSET_MINUTES ? toIso(date) : undefined;
}

/** Whether `zone` is an IANA zone name this runtime knows. */
export function isKnownZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
