import type { Attachment, Person, Ticket, TicketPriority, TicketStatus } from '../../domain/model.js';
import { byteSize } from '../kit/byte-size.js';
import { httpUrl, lastSegment } from '../kit/http-url.js';
import type { MapOptions } from '../kit/map-options.js';
import { latest, type ReadDate } from '../kit/ticket-dates.js';
import { textOf } from '../kit/upstream-text.js';
import { textFormatOf } from '../kit/text-format.js';
import { wordTable } from '../kit/word-table.js';
import { decodeEntities } from './entities.js';
import { ticketKey, type KaptureTaskDetails, type KaptureTicket } from './payload.js';
import { parseKaptureDate } from './timestamps.js';

/**
 * docs/providers/kapture.md: statuses come as words (Pending, Complete, Closed) or as codes (P, CL; C taken
 * as Complete); matched case-blind (wordKey). Tenant-configured words are UNKNOWN; the word is kept.
 */
const STATUSES = wordTable<TicketStatus>({
  pending: 'OPEN',
  p: 'OPEN',
  complete: 'CLOSED',
  c: 'CLOSED',
  closed: 'CLOSED',
  cl: 'CLOSED',
});

/**
 * docs/providers/kapture.md: where the status word is empty or one the table lacks, the sub-status
 * key decides as its word would: the documented `P` (pending) and `CL` (closed). Tenants' own keys
 * (`PS`, `ES`, …) say nothing the gateway can place.
 */
const SUB_STATUS_KEYS = wordTable<TicketStatus>({ p: 'OPEN', cl: 'CLOSED' });

/** docs/providers/kapture.md: a word (`low`) or an integer, taken as 1 = low … 4 = urgent. */
const PRIORITIES = wordTable<TicketPriority>({
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  urgent: 'URGENT',
  '1': 'LOW',
  '2': 'MEDIUM',
  '3': 'HIGH',
  '4': 'URGENT',
});

/**
 * The `task_details` fields `toTicket` reads the status from: the word, and the sub-status key
 * where the word does not decide. What a list item must carry for its status to be listed.
 */
export function statusSources(details: { readonly status?: string | null }): readonly string[] {
  return STATUSES.get(decoded(details.status)) === undefined ? ['status', 'substatusKey'] : ['status'];
}

/** One element of the answer (already validated by the client) to the model; `raw` is that element. */
export function toTicket(ticket: KaptureTicket, options: MapOptions): Ticket {
  const details = ticket.task_details;
  // The client's payload check refuses a date in no known format, so `undefined` never reaches here.
  const date: ReadDate<string | number> = (value) => parseKaptureDate(value, options.timezone) ?? null;
  // Words are decoded like every other string (docs/providers/kapture.md), then matched as shown.
  const statusWord = decoded(details.status);
  const status = STATUSES.get(statusWord) ?? SUB_STATUS_KEYS.get(decoded(details.substatusKey)) ?? 'UNKNOWN';
  const priorityText = decoded(details.priority);
  const detail = details.detail ?? '';
  const bodyFormat = textFormatOf(detail);
  const createdAt = date(details.date);
  // The documented spelling, `lastConvesationTime`.
  const lastReplyAt = date(details.lastConvesationTime);
  return {
    provider: 'kapture',
    // A string in the documented example, maybe a number: as the canonical key the provider asked with.
    number: ticketKey(details.ticketId) ?? String(details.ticketId),
    subject: decoded(details.title),
    // An HTML body keeps its entities (they are HTML); plain text is unescaped like every other string.
    body: detail.trim() === '' ? null : bodyFormat === 'HTML' ? detail : decodeEntities(detail),
    bodyFormat,
    status,
    statusText: statusTextOf(statusWord, decoded(details.substatus)),
    priority: PRIORITIES.get(priorityText) ?? null,
    priorityText,
    createdAt,
    lastReplyAt,
    updatedAt: latest([date(details.lastFollowUp), lastReplyAt, createdAt]),
    // Only a closed ticket has a close time: a reopened one may keep its old end date, which stays
    // in `raw` (docs/providers/kapture.md).
    closedAt: status === 'CLOSED' ? date(details.taskEnddate) : null,
    requester: requesterOf(details),
    assignee: assigneeOf(details),
    department: decoded(details.queueName),
    tags: [],
    url: httpUrl(details.url),
    // `history` is undocumented (docs/providers/kapture.md): kept in `raw`, not read as notes or replies.
    notes: [],
    replies: [],
    attachments: attachmentsOf(details),
    raw: ticket,
    fetchedAt: options.fetchedAt,
  };
}

/**
 * The status word, with the sub-status when it says more (`Pending / Awaiting Customer Response`);
 * the documented `Pending` / `Pending` is just `Pending`. Both stay apart in `raw`.
 */
function statusTextOf(status: string | null, substatus: string | null): string | null {
  if (substatus === null || substatus.toLowerCase() === status?.toLowerCase()) return status;
  return status === null ? substatus : `${status} / ${substatus}`;
}

/** The customer: no name in task_details; an e-mail, else the ticket's e-mail; none without any contact. */
function requesterOf(details: KaptureTaskDetails): Person | null {
  const email = textOf(details.email) ?? textOf(details.ticketEmail);
  if (email === null && textOf(details.phone) === null) return null;
  return { name: null, email, isStaff: false };
}

/** `assignedId` 0 is Kapture's "nobody" (numbers default to 0, docs/providers/kapture.md). */
function assigneeOf(details: KaptureTaskDetails): Person | null {
  const id = textOf(details.assignedId);
  if (id === null || /^0+$/.test(id)) return null;
  return { name: decoded(details.assignedToName), email: null, isStaff: true };
}

/**
 * `attachments` has no documented element shape: strings (a URL or a name) and objects with
 * name/fileName/url/link/size are read, anything else stays in `raw`. The older `attachment`
 * string is added when it names a file the list does not already hold.
 */
function attachmentsOf(details: KaptureTaskDetails): Attachment[] {
  const list = (details.attachments ?? []).flatMap((entry, index) => attachmentOf(entry, String(index)) ?? []);
  const single = attachmentOf(details.attachment, 'attachment');
  const known =
    single &&
    list.some((file) => (single.url !== null && file.url === single.url) || file.filename === single.filename);
  return single && !known ? [...list, single] : list;
}

function attachmentOf(entry: unknown, id: string): Attachment | null {
  const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : null;
  const given = record ? firstText(record, ['url', 'link']) : typeof entry === 'string' ? textOf(entry) : null;
  const url = httpUrl(given);
  const name = record ? firstText(record, ['name', 'fileName', 'filename']) : url === null ? given : null;
  const filename = name === null ? (url === null ? null : lastSegment(url)) : decodeEntities(name);
  if (filename === null) return null;
  return { id, filename, url, size: record ? byteSize(record.size) : null, contentType: null };
}

function firstText(record: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const text = textOf(record[key]);
    if (text !== null) return text;
  }
  return null;
}

/**
 * Kapture sends any string HTML-escaped, names, titles and status words alike (`Kapture Dev API&apos;s`,
 * docs/providers/kapture.md); a number (a priority) is read as its digits.
 */
function decoded(value: string | number | null | undefined): string | null {
  const text = textOf(value);
  return text === null ? null : decodeEntities(text);
}
