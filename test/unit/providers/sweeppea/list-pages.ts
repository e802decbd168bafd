import type { UpstreamRequest } from '../../../../src/upstream/types.js';
import { stubUpstream } from '../provider-harness.js';

/** A list summary as Sweeppea's list endpoints give it. */
export interface Summary {
  readonly CaseNumber: string;
  readonly Subject: string;
  readonly Date: string;
  readonly Priority: number;
  readonly ResourceAffected: string;
}

const HOUR = 3_600_000;

/** `count` summaries `${prefix}0`, `${prefix}1`…, an hour apart, newest first from `newest`. */
export function summaries(count: number, prefix: string, newest = '2025-06-01T12:00:00.000Z'): Summary[] {
  return Array.from({ length: count }, (_, index) => ({
    CaseNumber: `${prefix}${index}`,
    Subject: `Ticket ${prefix}${index}`,
    Date: new Date(Date.parse(newest) - index * HOUR).toISOString(),
    Priority: 1 + (index % 3),
    ResourceAffected: 'entry-page',
  }));
}

/** Page `page` of `all` as Sweeppea answers it: 20 a page. */
export function pageOf(all: readonly Summary[], page: number) {
  return {
    Response: true,
    Data: {
      TotalTickets: all.length,
      Page: page,
      Limit: 20,
      TotalPages: Math.ceil(all.length / 20),
      Tickets: all.slice((page - 1) * 20, page * 20),
    },
  };
}

const PATHS = { '/tickets/fetchOpenTickets': 'open', '/tickets/fetchClosedTickets': 'closed' } as const;

/**
 * A hand-made Sweeppea serving the two lists from memory, and what it was asked, as
 * `open 1` / `closed 2` (list and page). `answer` may replace an answer.
 */
export function fakeLists(
  lists: { readonly open?: readonly Summary[]; readonly closed?: readonly Summary[] },
  answer: (list: 'open' | 'closed', page: number, body: unknown) => unknown = (_, __, body) => body,
) {
  const asked: string[] = [];
  const requests: UpstreamRequest[] = [];
  const http = stubUpstream('sweeppea', async (request) => {
    requests.push(request);
    const list = PATHS[request.path as keyof typeof PATHS];
    const { page } = JSON.parse(String(request.body)) as { page: number };
    asked.push(`${list} ${page}`);
    return { status: 200, headers: {}, body: answer(list, page, pageOf(lists[list] ?? [], page)) };
  });
  return { http, asked, requests };
}
