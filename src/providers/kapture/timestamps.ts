import type { IsoDateTime } from '../../domain/model.js';
import { EPOCH_DIGITS, FORMAT_CHECK_ZONE, isLocalDate, parseEpochDigits, parseLocalDate } from '../../domain/dates.js';

/**
 * docs/providers/kapture.md: Kapture dates are zone-less `dd-MM-yyyy HH:mm` (task_details),
 * `yyyy-MM-dd HH:mm:ss` or `yyyy-MM-dd HH:mm`, or epoch digits.
 */
export const KAPTURE_DATE_FORMATS = ['dd-MM-yyyy HH:mm', 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'] as const;

/**
 * A Kapture date as ISO-8601 with the offset of `zone`: a local time read in that zone, or epoch
 * digits (a number or a digit string; ten are seconds, thirteen milliseconds) shown in it. Null
 * for empty, and for 0 (Kapture's "none" for numbers); undefined when it is no date in any known
 * format, other digit counts included.
 */
export function parseKaptureDate(
  value: string | number | null | undefined,
  zone: string,
): IsoDateTime | null | undefined {
  if (value == null) return null;
  const text = String(value).trim();
  if (EPOCH_DIGITS.test(text)) return parseEpochDigits(text, zone);
  return parseLocalDate(text, zone, KAPTURE_DATE_FORMATS);
}

/** Whether `parseKaptureDate` reads the value, in any zone: what payload.ts checks. */
export function isKaptureDate(value: string | number | null | undefined): boolean {
  if (value == null) return true;
  const text = String(value).trim();
  if (EPOCH_DIGITS.test(text)) return parseEpochDigits(text, FORMAT_CHECK_ZONE) !== undefined;
  return isLocalDate(text, KAPTURE_DATE_FORMATS);
}
