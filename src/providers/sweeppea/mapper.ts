import type { Attachment, Note, Person, Ticket, TicketPriority, TicketStatus } from '../../domain/model.js';
import { parseIsoDate } from '../../domain/dates.js';
import { byteSize } from '../kit/byte-size.js';
import { httpUrl, lastSegment } from '../kit/http-url.js';
import type { MapOptions } from '../kit/map-options.js';
import { latest, type ReadDate } from '../kit/ticket-dates.js';
import { nonEmpty } from '../kit/upstream-text.js';
import { wordTable } from '../kit/word-table.js';
import { SWEEPPEA_ZONE, type SweeppeaAnswer, type SweeppeaTicket, type SweeppeaUpdateAnswer } from './payload.js';
import type { ListedFields } from '../../domain/ticket-list.js';
import { createdAtOf, type SweeppeaSummary } from './list-payload.js';

/** Sweeppea's dates carry their offset (docs/providers/sweeppea.md), so its mapper needs no zone. */
type SweeppeaMapOptions = Pick<MapOptions, 'fetchedAt'>;

/** The client checked every date the mapper reads, so undefined cannot happen here. */
const date: ReadDate = (text) => parseIsoDate(text, SWEEPPEA_ZONE) ?? null;

/**
 * docs/providers/sweeppea.md: `Status` is a boolean, which the mapper reads as these words; Sweeppea
 * has no word for it, so `Open` and `Closed` are the gateway's own.
 */
const STATUSES = wordTable<readonly [TicketStatus, string]>({ open: ['OPEN', 'Open'], closed: ['CLOSED', 'Closed'] });

/** docs/providers/sweeppea.md: `Priority` 1 Low, 2 Medium, 3 High. */
const PRIORITIES = wordTable<readonly [TicketPriority, string]>({
  '1': ['LOW', 'Low'],
  '2': ['MEDIUM', 'Medium'],
  '3': ['HIGH', 'High'],
});

/**
 * `fetchSingleTicket`'s answer (already validated by the client) to the model: `Data` is read,
 * `raw` is the whole answer. `/tickets/resolve` answers in the same envelope with a few fields
 * (docs/providers/sweeppea.md, Writes), which read the same way, the rest left empty.
 */
export function toTicket(answer: SweeppeaAnswer, options: SweeppeaMapOptions): Ticket {
  return ticketOf(answer.Data, answer, options);
}

/**
 * `/tickets/update`'s answer to the model, for when the ticket cannot be read back after an
 * update: its `Ticket` has only some fields, so notes, files and dates are empty; `raw` is the answer.
 */
export function fromUpdateAnswer(answer: SweeppeaUpdateAnswer, options: SweeppeaMapOptions): Ticket {
  return ticketOf(answer.Ticket, answer, options);
}

/**
 * docs/providers/sweeppea.md, Lists: a summary cuts `Subject` to 100 characters, and one of 100
 * or more may have been cut (one of exactly 100 may be whole, but nothing tells), so only a
 * shorter one is the ticket's subject. Counted in UTF-16 code units, which are never fewer than
 * characters, so a cut counted either way is caught.
 */
const CUT_SUBJECT = 100;

/**
 * What a list summary says of a ticket, mapped as `toTicket` maps the same fields of the whole
 * ticket: the subject when it cannot have been cut, the creation date, the priority and the
 * product area where the summary has them, and the status the endpoint stands for (`closed`:
 * fetchClosedTickets). Nothing else: the rest is read with the ticket.
 */
export function toListedFields(summary: SweeppeaSummary, closed: boolean, options: SweeppeaMapOptions): ListedFields {
  const [status, statusText] = statusOf(closed);
  const has = (field: keyof SweeppeaSummary) => Object.hasOwn(summary, field);
  const subject = summary.Subject;
  const [priority, priorityText] = priorityOf(summary.Priority);
  return {
    ...(typeof subject === 'string' && subject.length < CUT_SUBJECT && { subject }),
    status,
    statusText,
    ...(has('Priority') && { priority, priorityText }),
    createdAt: createdAtOf(summary),
    ...(has('ResourceAffected') && { department: nonEmpty(summary.ResourceAffected) }),
    fetchedAt: options.fetchedAt,
  };
}

function ticketOf(data: SweeppeaTicket, raw: unknown, options: SweeppeaMapOptions): Ticket {
  const [status, statusText] = statusOf(data.Status);
  const [priority, priorityText] = priorityOf(data.Priority);
  return {
    provider: 'sweeppea',
    number: String(data.CaseNumber).trim(),
    subject: data.Subject ?? null,
    // docs/providers/sweeppea.md: `Description` is HTML.
    body: data.Description ?? null,
    bodyFormat: 'HTML',
    status,
    statusText,
    priority,
    priorityText,
    createdAt: date(data.Date),
    // The ticket has no "modified" field; its Statistics log (create, resolve, …) is the closest.
    updatedAt: latest((data.Statistics ?? []).map((entry) => date(entry.Date))),
    // Sweeppea tickets have notes but no reply thread (docs/providers/sweeppea.md: only Notes, Files, Statistics).
    lastReplyAt: null,
    closedAt: date(data.CloseDate),
    // docs/providers/sweeppea.md: AccountInfo also holds IP, coordinates and user agent: only name
    // and email leave `raw`.
    requester: requesterOf(data.AccountInfo),
    assignee: null,
    // Sweeppea has no departments; ResourceAffected (docs/providers/sweeppea.md: "renaissance") is the product area a
    // ticket is filed against, the nearest thing to a queue. ClosedBy stays in `raw`: the model
    // has no "closed by" and the closer is not necessarily an assignee.
    department: nonEmpty(data.ResourceAffected),
    tags: [],
    url: null,
    notes: (data.Notes ?? []).map(toNote),
    replies: [],
    attachments: (data.Files ?? []).flatMap(toAttachment),
    raw,
    fetchedAt: options.fetchedAt,
  };
}

/** `Status` `false` open, `true` closed; the create endpoint's words "Open"/"Closed" read the same. */
function statusOf(value: SweeppeaTicket['Status']): readonly [TicketStatus, string | null] {
  const word = typeof value === 'boolean' ? (value ? 'closed' : 'open') : value;
  return STATUSES.get(word) ?? ['UNKNOWN', typeof value === 'string' && value.trim() !== '' ? value : null];
}

function priorityOf(value: SweeppeaTicket['Priority']): readonly [TicketPriority | null, string | null] {
  if (value == null || String(value).trim() === '') return [null, null];
  const word = String(value).trim();
  return PRIORITIES.get(word) ?? [null, word];
}

function requesterOf(account: SweeppeaTicket['AccountInfo']): Person | null {
  const name = nonEmpty(account?.FullName);
  const email = nonEmpty(account?.Email);
  // The account holder is Sweeppea's customer (UserType is their role in their own account).
  return name === null && email === null ? null : { name, email, isStaff: false };
}

function toNote(note: NonNullable<SweeppeaTicket['Notes']>[number]): Note {
  // The documented notes carry no author.
  return { id: String(note.Id), createdAt: date(note.Date), body: note.Note, author: null };
}

/**
 * docs/providers/sweeppea.md, Unconfirmed: the element shape of `Files` is undocumented. Objects are read by their
 * keys whatever their case and separators (`name`, `Name`, `FileName`, `file_name`; `url`, `URL`;
 * `size`; `contentType`, `content_type`, `MimeType`; `id`, `_id`), and plain strings as a name or a
 * link; anything without a usable name is skipped, and every entry stays in `raw` as sent.
 */
function toAttachment(file: unknown, index: number): Attachment[] {
  if (typeof file === 'string') {
    const url = httpUrl(file);
    const filename = url ? lastSegment(url) : nonEmpty(file);
    return filename ? [{ id: String(index), filename, url, size: null, contentType: null }] : [];
  }
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return [];
  const field = fieldsOf(file as Record<string, unknown>);
  const url = httpUrl(field('url'));
  const filename = nonEmpty(field('filename')) ?? nonEmpty(field('name')) ?? (url ? lastSegment(url) : null);
  if (!filename) return [];
  const key = field('id');
  const id = typeof key === 'string' || typeof key === 'number' ? String(key) : String(index);
  const contentType = nonEmpty(field('contenttype')) ?? nonEmpty(field('mimetype'));
  return [{ id, filename, url, size: byteSize(field('size')), contentType }];
}

/**
 * An object's values by key folded to lower-case letters and digits (`File_Name` is `filename`).
 * Of two keys that fold alike, the first that is neither null nor blank is taken.
 */
function fieldsOf(entry: Record<string, unknown>): (key: string) => unknown {
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(entry)) {
    const folded = key.toLowerCase().replace(/[^a-z0-9]/g, '');
    const blank = value == null || (typeof value === 'string' && value.trim() === '');
    if (!blank && !fields.has(folded)) fields.set(folded, value);
  }
  return (key) => fields.get(key);
}
