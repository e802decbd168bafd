import type { IsoDateTime } from '../../domain/model.js';

/**
 * How a mapper reads one of its provider's date fields, made for each ticket from its zone:
 * ISO-8601 with an offset, or null for no date. The payload check has refused any date it
 * could not read, so there is no "invalid" left to answer.
 */
export type ReadDate<Value = string> = (value: Value | null | undefined) => IsoDateTime | null;

/**
 * The latest of some instants (ISO-8601 with offsets), kept as written: `20:30+02:00` is later
 * than `18:00Z`; of equal instants the first given wins; null when none is given. For providers
 * with no "last modified" field, whose `updatedAt` is the latest date the ticket shows.
 */
export function latest(dates: readonly (IsoDateTime | null)[]): IsoDateTime | null {
  let best: IsoDateTime | null = null;
  for (const date of dates) {
    if (date !== null && (best === null || Date.parse(date) > Date.parse(best))) best = date;
  }
  return best;
}
