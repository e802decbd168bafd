import type { IsoDateTime, Ticket } from '../../domain/model.js';
import type { ListedFields, ListedTicket } from '../../domain/ticket-list.js';
import type { PulledTicket } from './list-payload.js';
import { statusSources, toTicket } from './mapper.js';

/** Stands for the fields the status is read from, which depend on the item's word (`statusSources`). */
const STATUS = 'the status fields';

/**
 * For each field a list item can give, the `task_details` fields the mapper reads it from
 * (mapper.ts). A field is listed only when the item carries every one of them: then the mapper,
 * the very one the single-ticket read uses, gives it the value that read gives. Any other field
 * (`raw`, which holds `history` and `additional_info` the pull lacks; `notes`, `replies`, `tags`)
 * is read with the ticket.
 */
const SOURCES = {
  subject: ['title'],
  body: ['detail'],
  bodyFormat: ['detail'],
  status: [STATUS],
  statusText: ['status', 'substatus'],
  priority: ['priority'],
  priorityText: ['priority'],
  createdAt: ['date'],
  lastReplyAt: ['lastConvesationTime'],
  updatedAt: ['date', 'lastConvesationTime', 'lastFollowUp'],
  // A closed ticket's end date: only the status tells whether it is one.
  closedAt: ['taskEnddate', STATUS],
  requester: ['email', 'ticketEmail', 'phone'],
  assignee: ['assignedId', 'assignedToName'],
  department: ['queueName'],
  url: ['url'],
  attachments: ['attachments', 'attachment'],
} as const satisfies Partial<Record<keyof Ticket, readonly string[]>>;

type ListedKey = keyof typeof SOURCES;

/** A pulled item as the list shows it: the ticket as the detail read maps it, and the fields the item gives. */
export function toListedTicket(
  item: PulledTicket,
  options: { readonly timezone: string; readonly fetchedAt: IsoDateTime },
): { readonly ticket: Ticket; readonly listed: ListedTicket } {
  // The search answers `{task_details, …}`; the pull, those fields flat.
  const ticket = toTicket({ task_details: item }, options);
  const listed: Partial<Record<ListedKey, unknown>> = {};
  const carries = (source: string): boolean =>
    source === STATUS ? statusSources(item).every(carries) : Object.hasOwn(item, source);
  for (const [field, sources] of Object.entries(SOURCES) as [ListedKey, readonly string[]][]) {
    if (sources.every(carries)) listed[field] = ticket[field];
  }
  return {
    ticket,
    listed: {
      provider: 'kapture',
      number: ticket.number,
      listed: { ...(listed as ListedFields), fetchedAt: options.fetchedAt },
    },
  };
}
