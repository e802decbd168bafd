import type { IsoDateTime } from '../../domain/model.js';
import { FORMAT_CHECK_ZONE, fromEpochMillis, isLocalDate, parseLocalDate } from '../../domain/dates.js';

/**
 * docs/providers/kapture.md: Kapture dates are zone-less `dd-MM-yyyy HH:mm` (task_details),
 * `yyyy-MM-dd HH:mm:ss` or `yyyy-MM-dd HH:mm`, or epoch milliseconds.
 */
export const KAPTURE_DATE_FORMATS = ['dd-MM-yyyy HH:mm', 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'] as const;
const EPOCH_MILLIS = /^\d+$/;

/**
 * A Kapture date as ISO-8601 with the offset of `zone`: a local time read in that zone, or epoch
 * milliseconds (a number or a digit string) shown in it. Null for empty, and for 0 (Kapture's
 * "none" for numbers); undefined when it is no date in any known format.
 */
export function parseKaptureDate(
  value: string | number | null | undefined,
  zone: string,
): IsoDateTime | null | undefined {
  if (value == null) return null;
  const text = String(value).trim();
  if (EPOCH_MILLIS.test(text)) return Number(text) === 0 ? null : fromEpochMillis(Number(text), zone);
  return parseLocalDate(text, zone, KAPTURE_DATE_FORMATS);
}

/** Whether `parseKaptureDate` reads the value, in any zone: what payload.ts checks. */
export function isKaptureDate(value: string | number | null | undefined): boolean {
  if (value == null) return true;
  const text = String(value).trim();
  if (EPOCH_MILLIS.test(text)) return parseKaptureDate(text, FORMAT_CHECK_ZONE) !== undefined;
  return isLocalDate(text, KAPTURE_DATE_FORMATS);
}
