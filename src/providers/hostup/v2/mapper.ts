import type { Attachment, IsoDateTime, Person, Reply, Ticket } from '../../../domain/model.js';
import type { ListedFields } from '../../../domain/ticket-list.js';
import { parseIsoDate } from '../../../domain/dates.js';
import { byteSize } from '../../kit/byte-size.js';
import type { MapOptions } from '../../kit/map-options.js';
import { textFormatOf } from '../../kit/text-format.js';
import { latest, type ReadDate } from '../../kit/ticket-dates.js';
import { nonEmpty, textOf } from '../../kit/upstream-text.js';
import { wordTable } from '../../kit/word-table.js';
import { HOSTUP_PRIORITIES, HOSTUP_STATUSES } from '../words.js';
import type { HostupV2Summary } from './list-payload.js';
import {
  HOSTUP_V2_ZONE,
  ticketOfAnswer,
  type HostupV2Answer,
  type HostupV2Attachment,
  type HostupV2Message,
} from './payload.js';

/** v2 dates carry their offset, or are UTC (docs/providers/hostup.md), so this mapper needs no zone. */
type HostupV2MapOptions = Pick<MapOptions, 'fetchedAt'>;

/** The client checked every date the mapper reads, so undefined cannot happen here. */
const date: ReadDate = (text) => parseIsoDate(text, HOSTUP_V2_ZONE) ?? null;

/**
 * A message's `sender`: `staff`, or `automation` (HostUp's own automatic messages, which come from
 * the support desk's side of the conversation), or the `customer`.
 */
const STAFF_BY_SENDER = wordTable<boolean>({ staff: true, automation: true, customer: false });

/**
 * A v2 ticket answer (already validated by the client) to the model; `raw` is the whole answer,
 * so the public id (`tkt_…`), `departmentSlug`, `ccEmails`, `messageCount` and `linkedServices`
 * stay with the ticket. `number` is the number people see, not the public id.
 */
export function toTicketV2(answer: HostupV2Answer, options: HostupV2MapOptions): Ticket {
  const ticket = ticketOfAnswer(answer);
  const replies = (ticket.messages ?? []).map(toReplyV2);
  return {
    provider: 'hostup',
    // The payload check refuses a ticket with no number, so this is never empty.
    number: textOf(ticket.number) ?? '',
    subject: ticket.subject ?? null,
    body: ticket.body ?? null,
    bodyFormat: textFormatOf(ticket.body),
    ...statusOf(ticket.status),
    ...priorityOf(ticket.priority),
    createdAt: date(ticket.createdAt),
    updatedAt: date(ticket.updatedAt),
    lastReplyAt: date(ticket.lastMessageAt) ?? latest(replies.map((reply) => reply.createdAt)),
    // v2 documents no close date.
    closedAt: null,
    requester: requesterOf(ticket.requesterName),
    // Neither an owner, tags nor staff notes are documented in v2's customer API.
    assignee: null,
    department: departmentOf(ticket),
    tags: [],
    url: null,
    notes: [],
    replies,
    attachments: (ticket.attachments ?? []).map(toAttachment),
    raw: answer,
    fetchedAt: options.fetchedAt,
  };
}

/**
 * The fields of a list summary (already validated), mapped as toTicketV2 maps the same fields of
 * the ticket, so that a field read from the list and one read with the ticket agree
 * (docs/providers/hostup.md, Lists). Only what the summary gives: a field it leaves out, or one
 * the ticket could fill from what the summary lacks, is not here.
 */
export function toListedV2(summary: HostupV2Summary, fetchedAt: IsoDateTime): ListedFields {
  // A field sent as null is known to be empty; one not sent is not known.
  const given = (field: keyof HostupV2Summary): boolean => summary[field] !== undefined;
  const department = departmentOf(summary);
  return {
    ...(given('subject') && { subject: summary.subject ?? null }),
    ...(given('status') && statusOf(summary.status)),
    ...(given('priority') && priorityOf(summary.priority)),
    createdAt: date(summary.createdAt),
    ...(given('updatedAt') && { updatedAt: date(summary.updatedAt) }),
    ...lastReplyOf(summary),
    ...(given('requesterName') && { requester: requesterOf(summary.requesterName) }),
    // The ticket falls back on the slug when the name is empty: known only when both were sent.
    ...((department !== null || (given('departmentName') && given('departmentSlug'))) && { department }),
    fetchedAt,
  };
}

/** `status`, and the word as sent. */
function statusOf(word: string | null | undefined): Pick<Ticket, 'status' | 'statusText'> {
  const statusText = nonEmpty(word);
  return { status: HOSTUP_STATUSES.get(statusText) ?? 'UNKNOWN', statusText };
}

/** `critical` is URGENT, the model's highest; `priorityText` keeps the word. */
function priorityOf(word: string | null | undefined): Pick<Ticket, 'priority' | 'priorityText'> {
  const priorityText = nonEmpty(word);
  return { priority: HOSTUP_PRIORITIES.get(priorityText) ?? null, priorityText };
}

/** The requester is known by name only; the customer's own account. */
function requesterOf(requesterName: string | null | undefined): Person | null {
  const name = nonEmpty(requesterName);
  return name === null ? null : { name, email: null, isStaff: false };
}

function departmentOf(ticket: Pick<HostupV2Summary, 'departmentName' | 'departmentSlug'>): string | null {
  return nonEmpty(ticket.departmentName) ?? nonEmpty(ticket.departmentSlug);
}

/**
 * `lastMessageAt` when the summary has one. Without it the ticket would take its latest message's
 * date, which a summary does not show, unless `messageCount` says there is no message at all.
 */
function lastReplyOf(summary: HostupV2Summary): Pick<Ticket, 'lastReplyAt'> | undefined {
  if (typeof summary.lastMessageAt === 'string') return { lastReplyAt: date(summary.lastMessageAt) };
  return textOf(summary.messageCount) === '0' ? { lastReplyAt: null } : undefined;
}

/** A message to a reply: `sentAt`, `body`, who sent it (`sender`, `senderName`), its attachments. */
export function toReplyV2(message: HostupV2Message): Reply {
  const name = nonEmpty(message.senderName);
  const isStaff = STAFF_BY_SENDER.get(message.sender) ?? null;
  return {
    id: String(message.id),
    createdAt: date(message.sentAt),
    body: message.body ?? '',
    bodyFormat: textFormatOf(message.body),
    author: name === null && isStaff === null ? null : { name, email: null, isStaff },
    attachments: (message.attachments ?? []).map(toAttachment),
  };
}

/** An attachment is listed by its file name (by its id when it has none); v2 gives no link to it. */
function toAttachment(attachment: HostupV2Attachment): Attachment {
  const id = String(attachment.id);
  return {
    id,
    filename: nonEmpty(attachment.fileName) ?? nonEmpty(attachment.name) ?? id,
    url: null,
    size: byteSize(attachment.size),
    contentType: nonEmpty(attachment.contentType),
  };
}

/**
 * The ticket after a reply HostUp accepted, when it cannot be read back: the ticket as read just
 * before, with the message HostUp answered (when it could be read) as its last reply.
 */
export function withReply(current: Ticket, message: HostupV2Message | undefined, fetchedAt: IsoDateTime): Ticket {
  if (message === undefined) return { ...current, fetchedAt };
  const reply = toReplyV2(message);
  return {
    ...current,
    replies: [...current.replies, reply],
    lastReplyAt: reply.createdAt ?? current.lastReplyAt,
    updatedAt: latest([reply.createdAt, current.updatedAt]),
    fetchedAt,
  };
}

/**
 * The ticket after a close or reopen HostUp accepted, when it cannot be read back: the ticket as
 * read just before, with the v2 status word the action leaves it in.
 */
export function withStatus(current: Ticket, word: 'open' | 'closed', fetchedAt: IsoDateTime): Ticket {
  return { ...current, status: HOSTUP_STATUSES.get(word) ?? 'UNKNOWN', statusText: word, fetchedAt };
}
