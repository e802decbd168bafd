import type { Attachment, Note, Person, Reply, Ticket } from '../../domain/model.js';
import { parseLocalDate } from '../../domain/dates.js';
import type { MapOptions } from '../kit/map-options.js';
import { textFormatOf } from '../kit/text-format.js';
import type { ReadDate } from '../kit/ticket-dates.js';
import { nonEmpty } from '../kit/upstream-text.js';
import { wordTable } from '../kit/word-table.js';
import {
  HOSTUP_DATE_FORMATS,
  HOSTUP_ISO_ZONE,
  ticketNumberOf,
  type HostupAnswer,
  type HostupOwner,
  type HostupReply,
  type HostupTicket,
} from './payload.js';
import { HOSTUP_PRIORITIES, HOSTUP_STATUSES } from './words.js';

/** Whether a HostBill reply `type` is staff: staff answer as Admin; Client (or Guest, by e-mail) are the customer. */
const STAFF_BY_TYPE = wordTable<boolean>({
  admin: true,
  staff: true,
  client: false,
  customer: false,
  guest: false,
  user: false,
});

/**
 * The legacy API's answer (already validated by the client) to the model: `data.ticket` is read,
 * and `raw` is the whole answer, so the envelope's `timestamp` and `requestId` (what HostUp
 * support asks for) stay with the ticket.
 */
export function toTicket(answer: HostupAnswer, options: MapOptions): Ticket {
  const { ticket } = answer.data;
  const date: ReadDate = (text) => parseLocalDate(text, options.timezone, HOSTUP_DATE_FORMATS, HOSTUP_ISO_ZONE) ?? null;
  const statusText = nonEmpty(ticket.status);
  const status = HOSTUP_STATUSES.get(statusText) ?? 'UNKNOWN';
  const priorityText = nonEmpty(ticket.priority);
  const owner = ownerOf(ticket.owner);
  const requester = person(ticket.name, ticket.email, false);
  return {
    provider: 'hostup',
    // The payload check refuses a ticket with no number, so this is never null.
    number: ticketNumberOf(ticket) ?? '',
    subject: ticket.subject ?? null,
    body: ticket.body ?? null,
    bodyFormat: textFormatOf(ticket.body),
    status,
    statusText,
    priority: HOSTUP_PRIORITIES.get(priorityText) ?? null,
    priorityText,
    createdAt: date(ticket.date),
    updatedAt: date(ticket.lastupdate),
    lastReplyAt: date(ticket.lastreply),
    // HostBill keeps resolve_date when a ticket is reopened: it is a close date only while closed.
    closedAt: status === 'CLOSED' ? date(ticket.resolve_date) : null,
    requester,
    assignee: owner && person(`${owner.firstname ?? ''} ${owner.lastname ?? ''}`, owner.email, true, owner.username),
    department: nonEmpty(ticket.deptname),
    tags: (ticket.tags ?? []).map((tag) => String(tag).trim()).filter((tag) => tag !== ''),
    url: null,
    notes: textEntries(ticket.notes).map(
      ([body, index]): Note => ({ id: String(index), createdAt: null, body, author: null }),
    ),
    replies: (ticket.replies ?? []).map((reply) => toReply(reply, date, owner, requester)),
    attachments: textEntries(ticket.attachments).map(
      ([filename, index]): Attachment => ({ id: String(index), filename, url: null, size: null, contentType: null }),
    ),
    raw: answer,
    fetchedAt: options.fetchedAt,
  };
}

/** The owner counts when it has an id other than empty or 0 (HostBill's "nobody"). */
function ownerOf(owner: HostupTicket['owner']): HostupOwner | null {
  if (!owner || Array.isArray(owner)) return null;
  const id = owner.id == null ? '' : String(owner.id).trim();
  return id === '' || id === '0' ? null : owner;
}

function toReply(reply: HostupReply, date: ReadDate, owner: HostupOwner | null, requester: Person | null): Reply {
  const isStaff = replierIsStaff(reply, owner, requester);
  return {
    id: String(reply.id),
    createdAt: date(reply.date),
    body: reply.body ?? '',
    bodyFormat: textFormatOf(reply.body),
    // A reply whose side is known (its `type` Admin, or Client) has an author even without a name
    // or e-mail (docs/providers/hostup.md, Answer shapes, who wrote a reply).
    author:
      person(reply.name, reply.email, isStaff) ?? (isStaff === null ? null : { name: null, email: null, isStaff }),
    attachments: [],
  };
}

/**
 * Who wrote a reply: the `type` says so for Admin/Client; otherwise the e-mail tells whether it
 * was the ticket's owner (staff) or its requester; else unknown. `replier_id` is not compared:
 * it points at the admin table for staff and the client table for customers, so ids collide.
 */
function replierIsStaff(reply: HostupReply, owner: HostupOwner | null, requester: Person | null): boolean | null {
  const byType = STAFF_BY_TYPE.get(reply.type);
  if (byType !== undefined) return byType;
  const email = nonEmpty(reply.email)?.toLowerCase();
  if (email === undefined) return null;
  if (email === nonEmpty(owner?.email)?.toLowerCase()) return true;
  if (email === requester?.email?.toLowerCase()) return false;
  return null;
}

function person(
  name: string | null | undefined,
  email: string | null | undefined,
  isStaff: boolean | null,
  fallbackName?: string | null,
): Person | null {
  const shown = nonEmpty(name) ?? nonEmpty(fallbackName);
  const address = nonEmpty(email);
  return shown === null && address === null ? null : { name: shown, email: address, isStaff };
}

/** The documented `notes` and `attachments` are string arrays; empty or non-string entries stay in `raw`. */
function textEntries(values: readonly unknown[] | null | undefined): [string, number][] {
  return (values ?? []).flatMap((value, index): [string, number][] =>
    typeof value === 'string' && value.trim() !== '' ? [[value, index]] : [],
  );
}
