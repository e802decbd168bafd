import { z } from 'zod';
import { parseIsoDate } from '../../domain/dates.js';
import type { IsoDateTime } from '../../domain/model.js';
import { idLike, text } from '../kit/payload-fields.js';
import { SWEEPPEA_ZONE } from './payload.js';

/** docs/providers/sweeppea.md, Lists: every page holds 20 summaries but the last. */
export const SWEEPPEA_PAGE_SIZE = 20;

/** A count or a page number, as a number or (numbers often arrive as strings) a string of digits. */
const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,9}$/)]);

/** A summary's creation instant, read as the single-ticket mapper reads `Date` (UTC when it has no offset). */
export function createdAtOf(summary: { readonly Date: string }): IsoDateTime {
  return parseIsoDate(summary.Date, SWEEPPEA_ZONE) as IsoDateTime;
}

/** A date and time, never empty: the walk orders by it. */
const created = z
  .string()
  .refine((value) => Boolean(parseIsoDate(value, SWEEPPEA_ZONE)), 'not an ISO-8601 date and time');

/**
 * One entry of `Tickets` (docs/providers/sweeppea.md, Lists): the five fields of a summary. Its
 * `Date` is required: the walk orders the two lists by it.
 */
export const sweeppeaSummaryShape = z.object({
  CaseNumber: idLike.refine((value) => String(value).trim() !== '', 'empty case number'),
  Subject: text,
  Date: created,
  Priority: idLike.nullish(),
  ResourceAffected: text,
});
export type SweeppeaSummary = z.infer<typeof sweeppeaSummaryShape>;

/** `fetchOpenTickets` / `fetchClosedTickets`: `{Response: true, Data: {TotalTickets, Page, Limit, TotalPages, Tickets}}`. */
export const sweeppeaListShape = z.object({
  Response: z.literal(true),
  Data: z.object({
    TotalTickets: count,
    Page: count,
    Limit: count,
    TotalPages: count,
    Tickets: z.array(sweeppeaSummaryShape),
  }),
});
export type SweeppeaListAnswer = z.infer<typeof sweeppeaListShape>;

/** A page as the walk reads it: numbers read, the summaries in the upstream's order. */
export interface SweeppeaListPage {
  readonly total: number;
  readonly totalPages: number;
  readonly tickets: readonly SweeppeaSummary[];
}

/**
 * The answer to `page`, or what is wrong with it: a page the walk could not place in the list
 * (another page number, another page size, more or fewer summaries than the counts leave for
 * it, summaries out of date order) would make it skip or repeat tickets, so it is refused whole.
 */
export function readListPage(answer: SweeppeaListAnswer, page: number): SweeppeaListPage | string {
  const data = answer.Data;
  const [total, asked, limit, totalPages] = [data.TotalTickets, data.Page, data.Limit, data.TotalPages].map(Number);
  if (asked !== page) return `page ${asked} for page ${page}`;
  if (limit !== SWEEPPEA_PAGE_SIZE) return `pages of ${limit}, not ${SWEEPPEA_PAGE_SIZE}`;
  const pages = Math.ceil(total! / SWEEPPEA_PAGE_SIZE);
  if (totalPages !== pages && !(total === 0 && totalPages === 1)) {
    return `${totalPages} pages for ${total} tickets`;
  }
  const expected = Math.min(Math.max(total! - (page - 1) * SWEEPPEA_PAGE_SIZE, 0), SWEEPPEA_PAGE_SIZE);
  if (data.Tickets.length !== expected) return `${data.Tickets.length} tickets on a page that holds ${expected}`;
  const times = data.Tickets.map((ticket) => Date.parse(createdAtOf(ticket)));
  if (times.some((time, index) => index > 0 && time > times[index - 1]!)) return 'tickets not newest first';
  return { total: total!, totalPages: pages, tickets: data.Tickets };
}
