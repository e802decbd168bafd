import type { UpstreamResponse } from './types.js';

/**
 * The longest wait passed on, one day. An upstream may ask for more (a 400-digit number is
 * Infinity, which JSON prints as null); a client is told a day, a finite integer that a GraphQL
 * `Int` holds, and may ask again then.
 */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * Seconds to wait from a `Retry-After` value (RFC 9110 §10.2.3): delta-seconds, or an HTTP date
 * from which the wait is counted. Providers also send it in bodies as a number or a string of
 * seconds. At most MAX_RETRY_AFTER_SECONDS; undefined when the value says nothing readable.
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  if (text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.min(MAX_RETRY_AFTER_SECONDS, Math.ceil(Number(text)));
  // Every HTTP-date form starts with the day's name; Date.parse alone would take "-5" as a year.
  const at = /^[A-Za-z]{3}\b/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil((at - now) / 1000)));
}

/** The wait an answer's `Retry-After` header asks for, if it has a readable one. */
export function retryAfterHeader(response: UpstreamResponse): number | undefined {
  const header = response.headers['retry-after'];
  return parseRetryAfter(Array.isArray(header) ? header[0] : header);
}
