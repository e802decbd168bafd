import type { Attachment, Note, Person, Reply, Ticket, TicketPriority, TicketStatus } from '../../domain/model.js';
import { parseLocalDate } from '../../domain/dates.js';
import type { MapOptions } from '../kit/map-options.js';
import { latest, type ReadDate } from '../kit/ticket-dates.js';
import { textOf } from '../kit/upstream-text.js';
import { wordTable } from '../kit/word-table.js';
import {
  KELIWEB_DATE_FORMATS,
  ticketNumberOf,
  type KeliwebNote,
  type KeliwebReply,
  type KeliwebTicket,
} from './payload.js';

/**
 * docs/providers/keliweb.md: Open, Answered, Customer-Reply, Closed always; On Hold, In Progress by default;
 * admins may add their own (→ UNKNOWN). The table folds case and -/_/space (wordKey).
 */
const STATUSES = wordTable<TicketStatus>({
  open: 'OPEN',
  // Staff answered: the next move is the customer's.
  answered: 'WAITING_ON_CUSTOMER',
  // The customer wrote last: the ticket waits on staff, which is what OPEN means here.
  customer_reply: 'OPEN',
  in_progress: 'IN_PROGRESS',
  on_hold: 'ON_HOLD',
  closed: 'CLOSED',
});

/** docs/providers/keliweb.md: Low, Medium, High; WHMCS installations may add Urgent. */
const PRIORITIES = wordTable<TicketPriority>({ low: 'LOW', medium: 'MEDIUM', high: 'HIGH', urgent: 'URGENT' });

/** docs/providers/keliweb.md: the opening message is reply "0". */
const OPENING_REPLY_ID = '0';

/** WHMCS `GetTicket` (already validated by the client) to the model; `raw` is the whole answer. */
export function toTicket(ticket: KeliwebTicket, options: MapOptions): Ticket {
  // The client's payload check refuses a date in another format, so `undefined` never reaches here.
  const date: ReadDate = (text) => parseLocalDate(text, options.timezone, KELIWEB_DATE_FORMATS) ?? null;
  const statusText = textOf(ticket.status);
  const priorityText = textOf(ticket.priority);
  const requester = personOf(ticket.name, ticket.email, false);
  const thread = repliesOf(ticket, date);
  // The opening message is the body; without a reply "0", the earliest message is.
  const opening = thread.find((reply) => textOf(reply.replyid) === OPENING_REPLY_ID) ?? thread[0];
  return {
    provider: 'keliweb',
    // docs/providers/keliweb.md: `tid` is the number users see; the payload check refuses an answer without one.
    number: ticketNumberOf(ticket) ?? '',
    subject: textOf(ticket.subject),
    // WHMCS messages are plain text with \r\n line breaks: kept as sent.
    body: opening ? messageOf(opening) : null,
    bodyFormat: 'TEXT',
    status: STATUSES.get(statusText) ?? 'UNKNOWN',
    statusText,
    priority: PRIORITIES.get(priorityText) ?? null,
    priorityText,
    createdAt: date(ticket.date),
    // GetTicket has no "last modified": the latest date it shows (opening, last reply, any reply).
    updatedAt: latest([date(ticket.date), date(ticket.lastreply), ...thread.map((reply) => date(reply.date))]),
    lastReplyAt: date(ticket.lastreply),
    // GetTicket has no close date, and `lastreply` is not one (WHMCS also closes tickets without a reply).
    closedAt: null,
    requester,
    // `flag` is the id of the admin the ticket is flagged to; GetTicket gives no name or e-mail for it.
    assignee: null,
    department: textOf(ticket.deptname),
    tags: [],
    // The client-area link needs the WHMCS installation's URL and the ticket's access key `c`,
    // neither of which the gateway knows for certain: the key stays in `raw`.
    url: null,
    notes: notesOf(ticket).map((note) => toNote(note, date)),
    replies: thread.filter((reply) => reply !== opening).map((reply) => toReply(reply, ticket, requester, date)),
    // The opening message's files are the ticket's; every other reply keeps its own.
    attachments: opening ? attachmentsOf(opening) : [],
    raw: ticket,
    fetchedAt: options.fetchedAt,
  };
}

/**
 * Every message in time order whatever `repliessort` was (ties by replyid), so the model is the
 * same for an ASC and a DESC answer. `replies` may be PHP's `[]` for none.
 */
function repliesOf(ticket: KeliwebTicket, date: ReadDate): KeliwebReply[] {
  const replies = Array.isArray(ticket.replies) ? [] : (ticket.replies?.reply ?? []);
  const time = (reply: KeliwebReply) => {
    const at = date(reply.date);
    return at === null ? Number.NEGATIVE_INFINITY : Date.parse(at);
  };
  return [...replies].sort((a, b) => time(a) - time(b) || Number(a.replyid) - Number(b.replyid) || 0);
}

/** `notes` may be PHP's `[]` when a ticket has none (docs/providers/keliweb.md). */
function notesOf(ticket: KeliwebTicket): KeliwebNote[] {
  return Array.isArray(ticket.notes) ? [] : (ticket.notes?.note ?? []);
}

function toReply(reply: KeliwebReply, ticket: KeliwebTicket, requester: Person | null, date: ReadDate): Reply {
  return {
    id: String(reply.replyid),
    createdAt: date(reply.date),
    body: messageOf(reply),
    bodyFormat: 'TEXT',
    author: authorOf(reply, ticket, requester),
    attachments: attachmentsOf(reply),
  };
}

/**
 * docs/providers/keliweb.md: a reply with a non-empty `admin` is by staff, and WHMCS leaves a staff reply's
 * `name` empty (docs/providers/keliweb.md), so the admin's name stands in. A customer reply with neither name nor
 * e-mail, by the ticket's own user and contact (as reply "2" of the documented example), is the requester's.
 * The author is always given: who wrote it (staff or not) is known even without a name.
 */
function authorOf(reply: KeliwebReply, ticket: KeliwebTicket, requester: Person | null): Person {
  const admin = textOf(reply.admin);
  if (admin !== null) return { name: textOf(reply.name) ?? admin, email: textOf(reply.email), isStaff: true };
  const own = personOf(reply.name, reply.email, false);
  if (own) return own;
  const sameOwner =
    textOf(reply.userid) === textOf(ticket.userid) &&
    (textOf(reply.contactid) ?? '0') === (textOf(ticket.contactid) ?? '0');
  return sameOwner && requester ? requester : { name: null, email: null, isStaff: false };
}

function toNote(note: KeliwebNote, date: ReadDate): Note {
  const admin = textOf(note.admin);
  return {
    id: String(note.noteid),
    createdAt: date(note.date),
    body: note.message == null ? '' : String(note.message),
    // Notes are internal: only staff write them (`admin` is who).
    author: { name: admin, email: null, isStaff: true },
  };
}

/**
 * docs/providers/keliweb.md, Answer shapes (Attachments): WHMCS stores an upload as six random
 * digits, `_`, and the name it was uploaded under, which its own pages show. Only a name of that
 * shape loses its prefix; any other is shown as stored. The stored name stays in `raw`.
 */
const STORED_NAME = /^[0-9]{6}_(.+)$/s;

function uploadedName(stored: string): string {
  return STORED_NAME.exec(stored)?.[1] ?? stored;
}

/** docs/providers/keliweb.md (unconfirmed): WHMCS keeps several files in one `attachment` string, `|`-separated. */
function attachmentsOf(reply: KeliwebReply): Attachment[] {
  const names = reply.attachment == null ? [] : String(reply.attachment).split('|');
  return (
    names
      .map((name) => name.trim())
      .filter((name) => name !== '')
      // No download URL: WHMCS serves files through its own authenticated pages.
      .map((stored, index) => ({
        id: `${String(reply.replyid)}-${index}`,
        filename: uploadedName(stored),
        url: null,
        size: null,
        contentType: null,
      }))
  );
}

function messageOf(reply: KeliwebReply): string {
  return reply.message == null ? '' : String(reply.message);
}

function personOf(name: unknown, email: unknown, isStaff: boolean): Person | null {
  const [shown, address] = [textOf(name), textOf(email)];
  return shown === null && address === null ? null : { name: shown, email: address, isStaff };
}
