import { DateTime } from 'luxon';
import type { IsoDateTime } from '../model.js';

/** Values WHMCS-style APIs send for "no date". */
const EMPTY_DATES = new Set(['', '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00']);

function toIso(date: DateTime): IsoDateTime {
  return date.toISO({ suppressMilliseconds: true }) as IsoDateTime;
}

/**
 * Reads a zone-less local timestamp in `zone` (an IANA name) with the first of `formats`
 * (luxon tokens) that fits. Returns ISO-8601 with the zone's offset at that instant, or
 * null for an empty or all-zero value; undefined when no format fits, so the caller can
 * decide whether that is an invalid response.
 */
export function parseLocalDate(
  text: string | null | undefined,
  zone: string,
  formats: readonly string[],
): IsoDateTime | null | undefined {
  if (text == null || EMPTY_DATES.has(text.trim())) return null;
  for (const format of formats) {
    const date = DateTime.fromFormat(text.trim(), format, { zone, setZone: true });
    if (date.isValid) return toIso(date);
  }
  return undefined;
}

/** Reads epoch milliseconds as an instant, rendered in `zone`. */
export function fromEpochMillis(millis: number, zone: string): IsoDateTime | undefined {
  const date = DateTime.fromMillis(millis, { zone });
  return date.isValid ? toIso(date) : undefined;
}

/** Reads an ISO-8601 timestamp that carries its own offset (or `Z`); keeps that offset. */
export function parseIsoDate(text: string | null | undefined): IsoDateTime | null | undefined {
  if (text == null || text.trim() === '') return null;
  const date = DateTime.fromISO(text.trim(), { setZone: true });
  return date.isValid && /(?:Z|[+-]\d\d:?\d\d)$/i.test(text.trim()) ? toIso(date) : undefined;
}

/** Whether `zone` is an IANA zone name this runtime knows. */
export function isKnownZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
