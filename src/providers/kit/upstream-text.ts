/**
 * An upstream value as trimmed text, for APIs that send numbers as strings and strings as
 * numbers (docs/providers/keliweb.md, docs/providers/kapture.md): a string or a number; null when
 * absent, blank, or anything else.
 */
export function textOf(value: unknown): string | null {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return text === '' ? null : text;
}

/** An upstream string, trimmed; null when absent, blank, or not a string (a number is not a name). */
export function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' ? textOf(value) : null;
}
