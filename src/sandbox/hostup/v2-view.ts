import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { DEPARTMENTS } from './seed-text.js';
import type { HostupReply, HostupTicket } from './seed.js';
import { readOnce } from '../read-once.js';

/**
 * The v2 API's view of the tickets the legacy API serves: the same seeded records, in v2's
 * camelCase with UTC ISO dates and its own words (docs/providers/hostup.md, v2 API). Every change
 * is made to the legacy record, so both APIs always show one state.
 */

/** ULID's alphabet (Crockford's base 32, lower case), as in `tkt_01hx…`. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A ULID-like id: 10 characters of time, 16 drawn from `seed`, so every run gives the same ids. */
function ulid(prefix: string, ms: number, seed: string): string {
  let time = '';
  for (let rest = Math.max(0, Math.floor(ms)), n = 0; n < 10; n++, rest = Math.floor(rest / 32)) {
    time = ALPHABET[rest % 32] + time;
  }
  const bytes = createHash('sha256').update(seed).digest();
  const random = Array.from(bytes.subarray(0, 16), (byte) => ALPHABET[byte & 31]).join('');
  return `${prefix}_${time}${random}`;
}

/**
 * A legacy date (server time, Europe/Stockholm) as epoch milliseconds; null for HostBill's
 * "never". A list sorts every ticket by these: each date is read once, not once a comparison.
 */
const millisOf = readOnce((local: string): number | null => {
  const date = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm:ss', { zone: 'Europe/Stockholm' });
  return date.isValid ? date.toMillis() : null;
});

/** A legacy date as v2 sends it: ISO-8601 in UTC, to the second. */
function isoOf(local: string): string | null {
  const ms = millisOf(local);
  return ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The ticket's public id, `tkt_…`: from its creation time, its row id and its number (copies differ). */
export function publicIdOf(ticket: HostupTicket): string {
  return ulid('tkt', millisOf(ticket.date) ?? 0, `ticket:${ticket.id}:${ticket.number}`);
}

/** HostBill's statuses as v2 words; any other is v2's `unknown`. */
const STATUSES: Readonly<Record<string, string>> = {
  Open: 'open',
  Answered: 'answered',
  'Client-Reply': 'customer_reply',
  'In-Progress': 'in_progress',
  'On-Hold': 'on_hold',
  Closed: 'closed',
};
/** Every v2 status word: what the list's `status` filter accepts. */
export const V2_STATUSES: readonly string[] = [...Object.values(STATUSES), 'unknown'];

export function statusOf(ticket: HostupTicket): string {
  return STATUSES[ticket.status] ?? 'unknown';
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  txt: 'text/plain',
  pdf: 'application/pdf',
  csv: 'text/csv',
  gz: 'application/gzip',
};

/** A legacy attachment (a file name) as v2 lists it: `id`, `fileName`, `size`, `contentType`. */
function attachmentOf(ticket: HostupTicket, fileName: string, index: number) {
  const seed = `attachment:${ticket.number}:${index}:${fileName}`;
  const size = 1_024 + (createHash('sha256').update(seed).digest().readUInt32BE(0) % 2_000_000);
  const extension = fileName.split('.').at(-1)?.toLowerCase() ?? '';
  return {
    id: ulid('tatt', millisOf(ticket.date) ?? 0, seed),
    fileName,
    size,
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
  };
}

/** A legacy reply as a v2 message; `encrypted` is what the message was posted with. */
export function messageOf(ticket: HostupTicket, reply: HostupReply, encrypted: boolean) {
  return {
    id: ulid('tmsg', millisOf(reply.date) ?? 0, `message:${ticket.number}:${reply.id}`),
    ticketId: publicIdOf(ticket),
    sentAt: isoOf(reply.date),
    body: reply.body,
    sender: reply.type === 'Admin' ? 'staff' : 'customer',
    senderName: reply.name,
    encrypted,
    attachments: [],
  };
}

/** A list entry: no body, attachments or messages. */
export function summaryOf(ticket: HostupTicket) {
  const department = Object.values(DEPARTMENTS).find((candidate) => candidate.id === ticket.dept_id);
  return {
    id: publicIdOf(ticket),
    number: ticket.number,
    subject: ticket.subject,
    status: statusOf(ticket),
    // HostBill's Low/Medium/High/Urgent; v2's `critical` has no HostBill word, so the seeded tickets have none.
    priority: ticket.priority.toLowerCase(),
    departmentSlug: department?.slug ?? null,
    departmentName: ticket.deptname,
    createdAt: isoOf(ticket.date),
    updatedAt: isoOf(ticket.lastupdate),
    lastMessageAt: ticket.replies.length === 0 ? null : isoOf(ticket.lastreply),
    ccEmails: ticket.cc
      .split(',')
      .map((address) => address.trim())
      .filter((address) => address !== ''),
    requesterName: ticket.name,
    messageCount: ticket.replies.length,
  };
}

/** `GET /api/v2/support/tickets/{id}`: the summary's fields and the body, attachments, services and messages. */
export function detailOf(ticket: HostupTicket, encrypted: ReadonlySet<string>) {
  return {
    ...summaryOf(ticket),
    body: ticket.body,
    attachments: ticket.attachments.map((fileName, index) => attachmentOf(ticket, fileName, index)),
    linkedServices: ticket.linkedServices,
    messages: ticket.replies.map((reply) => messageOf(ticket, reply, encrypted.has(reply.id))),
  };
}

/** When the ticket was created, for the list's order and cursor. */
export function createdMillis(ticket: HostupTicket): number {
  return millisOf(ticket.date) ?? 0;
}
