/** A provider's canned staff and customer messages; the last staff line is a closing message. */
export interface ThreadLines {
  readonly staff: readonly string[];
  readonly customer: readonly string[];
}

/**
 * The text of message `n` of a seeded thread: staff lines in order, customer lines rotated by
 * `offset`, and the closing line only as the final staff message of a closed ticket.
 */
export function threadLine(lines: ThreadLines, n: number, byStaff: boolean, closing: boolean, offset: number): string {
  const turn = Math.floor(n / 2);
  if (!byStaff) return lines.customer[(turn + offset) % lines.customer.length]!;
  if (closing) return lines.staff[lines.staff.length - 1]!;
  return lines.staff[turn % (lines.staff.length - 1)]!;
}
