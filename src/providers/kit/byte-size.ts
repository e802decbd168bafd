/** The largest value a GraphQL Int holds (32-bit signed). */
export const MAX_GRAPHQL_INT = 2_147_483_647;

/**
 * An attachment's size as `Attachment.size` can carry it: a whole number of bytes, given as a
 * number or a digit string, from 0 to 2^31 - 1. Anything else (a fraction, a negative, "12 KB",
 * a boolean, a size past GraphQL's Int, which would fail the whole ticket at serialisation) is
 * null; the upstream's own value stays in `raw`.
 */
export function byteSize(value: unknown): number | null {
  const size =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d{1,10}\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(size) && size >= 0 && size <= MAX_GRAPHQL_INT ? size : null;
}
